// Errors of the actions endpoint. Like mutations, a failed action fails the
// whole request and nothing is applied; the body is Sanity's `actionError`
// with one item naming the action (by index) and the document or field at
// fault. @sanity/client turns it into "<description>:\n- <item>", which is
// what the Studio shows in its toast.
import { LakeError } from '../errors/lake-error.ts';

export type ActionErrorStatus = 400 | 403 | 409;

export class ActionItemError extends Error {
  readonly status: ActionErrorStatus;
  readonly type: string;
  readonly extra: Record<string, unknown>;

  constructor(status: ActionErrorStatus, type: string, description: string, extra: Record<string, unknown> = {}) {
    super(description);
    this.status = status;
    this.type = type;
    this.extra = extra;
  }
}

export const actionErrors = {
  /** A malformed action: names the field. */
  invalid: (field: string, description: string) =>
    new ActionItemError(400, 'validationError', `${field}: ${description}`, { field }),
  unknownType: (actionType: unknown, known: readonly string[]) =>
    new ActionItemError(
      400,
      'validationError',
      `actionType: unknown action type ${JSON.stringify(actionType)}; this lake supports ${known.join(', ')}`,
      { field: 'actionType' },
    ),
  notFound: (id: string, doing: string) =>
    new ActionItemError(409, 'documentNotFoundError', `Document "${id}" does not exist; cannot ${doing}`, { id }),
  alreadyExists: (id: string) =>
    new ActionItemError(409, 'documentAlreadyExistsError', `Document "${id}" already exists`, { id }),
  revisionMismatch: (id: string, field: string, expected: string, actual: string | undefined) =>
    new ActionItemError(
      409,
      'documentRevisionMismatchError',
      `Document "${id}" has revision ${actual ? `"${actual}"` : '(none: it does not exist)'}, but ${field} expected "${expected}": someone changed it meanwhile; reload and try again`,
      { id, expected, actual: actual ?? null },
    ),
  draftNotListed: (draftId: string) =>
    new ActionItemError(
      409,
      'validationError',
      `Draft "${draftId}" exists but is not in includeDrafts; deleting the published document would orphan it`,
      { id: draftId, field: 'includeDrafts' },
    ),
  insufficientPermissions: () =>
    new ActionItemError(403, 'insufficientPermissionsError', 'Insufficient permissions; permission "update" required', {
      permission: 'update',
    }),
};

export function actionFailed(error: ActionItemError, index: number): LakeError {
  const hints: Record<ActionErrorStatus, string> = {
    400: 'Fix the named field of that action and resend; a transaction is all or nothing.',
    403: 'Sign in as an editor (a token with the editor or administrator role).',
    409: 'Reload the document and retry: it changed, or is not in the state the action expects.',
  };
  return new LakeError({
    status: error.status,
    name: error.status === 409 ? 'ActionConflict' : error.status === 403 ? 'ActionForbidden' : 'InvalidAction',
    type: 'actionError',
    description: `Action ${index} failed and nothing was changed`,
    details: { items: [{ error: { type: error.type, description: error.message, ...error.extra }, index }] },
    hint: hints[error.status],
  });
}

/** A request body that is not `{actions: [...]}` at all. */
export function invalidActionsBody(description: string): LakeError {
  return new LakeError({
    status: 400,
    name: 'InvalidActionsBody',
    type: 'actionError',
    description,
    hint: 'Send {"actions": [{"actionType": "sanity.action.document.edit", ...}], "transactionId"?: "...", "dryRun"?: false}.',
  });
}
