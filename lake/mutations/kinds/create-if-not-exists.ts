import type { MutationHandler } from '../mutation-kind.ts';
import { documentPayload } from './document-payload.ts';

/** `{createIfNotExists: doc}`: a no-op (operation "none") when the id exists. */
export const createIfNotExists: MutationHandler = {
  permission: 'create',
  async apply(payload, context) {
    const doc = documentPayload(payload, 'createIfNotExists', { requireId: true }, context);
    if (context.overlay.get(doc._id)) {
      return { results: [{ id: doc._id, operation: 'none' }], logged: { createIfNotExists: doc } };
    }
    context.overlay.set(doc._id, doc);
    return { results: [{ id: doc._id, operation: 'create' }], logged: { createIfNotExists: doc } };
  },
};
