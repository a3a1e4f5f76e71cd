import type { MutationHandler } from '../mutation-kind.ts';
import { create } from './create.ts';
import { createIfNotExists } from './create-if-not-exists.ts';
import { createOrReplace } from './create-or-replace.ts';
import { deleteMutation } from './delete.ts';
import { patch } from './patch.ts';

export type MutationKind = 'create' | 'createOrReplace' | 'createIfNotExists' | 'delete' | 'patch';

/** The mutation dispatch table; a kind not listed here is rejected by name. */
export const mutationKinds = {
  create,
  createOrReplace,
  createIfNotExists,
  delete: deleteMutation,
  patch,
} satisfies Record<MutationKind, MutationHandler>;

export function isMutationKind(name: string): name is MutationKind {
  return Object.hasOwn(mutationKinds, name);
}
