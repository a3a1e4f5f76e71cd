import { mutationItem } from '../errors/catalog.ts';

/**
 * A failed mutation inside a transaction. The transaction collects it into a
 * Sanity `mutationError` body (`items[].error`, `items[].index`) and applies
 * nothing.
 */
export class MutationItemError extends Error {
  readonly status: 400 | 403 | 409;
  readonly type: string;
  readonly extra: Record<string, unknown>;

  constructor(status: 400 | 403 | 409, type: string, description: string, extra: Record<string, unknown> = {}) {
    super(description);
    this.status = status;
    this.type = type;
    this.extra = extra;
  }

  toItem(index: number) {
    return mutationItem(index, this.type, this.message, this.extra);
  }
}

export const mutationErrors = {
  invalid: (description: string) => new MutationItemError(400, 'invalidMutationError', description),
  alreadyExists: (id: string) =>
    new MutationItemError(409, 'documentAlreadyExistsError', `Document by ID "${id}" already exists`, { id }),
  notFound: (id: string) =>
    new MutationItemError(409, 'documentNotFoundError', `Document by ID "${id}" not found; cannot patch it`, { id }),
  revisionMismatch: (id: string, expected: string, actual: string | undefined) =>
    new MutationItemError(
      409,
      'documentRevisionMismatchError',
      `Document "${id}" has revision "${actual ?? '(none)'}", but ifRevisionID expected "${expected}"`,
      { id, expected, actual: actual ?? null },
    ),
  invalidPatch: (id: string, reason: string) =>
    new MutationItemError(400, 'invalidPatchError', `Patch on document "${id}" failed: ${reason}`, { id }),
  insufficientPermissions: (permission: string) =>
    new MutationItemError(
      403,
      'insufficientPermissionsError',
      `Insufficient permissions; permission "${permission}" required`,
      {
        permission,
      },
    ),
};
