import type { ActionHandler } from '../action-kind.ts';
import { create } from './create.ts';
import { deleteAction } from './delete.ts';
import { discard, versionDiscard } from './discard.ts';
import { edit } from './edit.ts';
import { publish } from './publish.ts';
import { replaceDraft } from './replace-draft.ts';
import { unpublish } from './unpublish.ts';
import { versionCreate, versionReplace } from './version.ts';

export type ActionType =
  | 'sanity.action.document.create'
  | 'sanity.action.document.delete'
  | 'sanity.action.document.discard'
  | 'sanity.action.document.edit'
  | 'sanity.action.document.publish'
  | 'sanity.action.document.replaceDraft'
  | 'sanity.action.document.unpublish'
  | 'sanity.action.document.version.create'
  | 'sanity.action.document.version.discard'
  | 'sanity.action.document.version.replace';

/**
 * The action dispatch table: every document action Studio 6.9.2 sends with
 * releases and variants off, plus the version actions API clients use. Any
 * other type (release.*, variant.*, version.unpublish) is refused by name.
 */
export const actionKinds = {
  'sanity.action.document.create': create,
  'sanity.action.document.delete': deleteAction,
  'sanity.action.document.discard': discard,
  'sanity.action.document.edit': edit,
  'sanity.action.document.publish': publish,
  'sanity.action.document.replaceDraft': replaceDraft,
  'sanity.action.document.unpublish': unpublish,
  'sanity.action.document.version.create': versionCreate,
  'sanity.action.document.version.discard': versionDiscard,
  'sanity.action.document.version.replace': versionReplace,
} satisfies Record<ActionType, ActionHandler>;

export const ACTION_TYPES = Object.keys(actionKinds) as ActionType[];

export function isActionType(value: unknown): value is ActionType {
  return typeof value === 'string' && Object.hasOwn(actionKinds, value);
}
