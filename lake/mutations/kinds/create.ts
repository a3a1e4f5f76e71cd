import { mutationErrors } from '../mutation-item-error.ts';
import type { MutationHandler } from '../mutation-kind.ts';
import { documentPayload } from './document-payload.ts';

/** `{create: doc}`: fails (409) when the id exists. */
export const create: MutationHandler = {
  permission: 'create',
  async apply(payload, context) {
    const doc = documentPayload(payload, 'create', { requireId: false }, context);
    if (context.overlay.get(doc._id)) throw mutationErrors.alreadyExists(doc._id);
    context.overlay.set(doc._id, doc);
    return { results: [{ id: doc._id, operation: 'create' }], logged: { create: doc } };
  },
};
