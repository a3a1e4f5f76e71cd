import type { MutationHandler } from '../mutation-kind.ts';
import { documentPayload } from './document-payload.ts';

/**
 * `{createOrReplace: doc}`: the document becomes exactly `doc`, and its
 * `_createdAt` survives; unless `doc` has another `_type`, which Sanity treats
 * as a delete and then a create.
 */
export const createOrReplace: MutationHandler = {
  permission: 'create',
  async apply(payload, context) {
    const doc = documentPayload(payload, 'createOrReplace', { requireId: true }, context);
    const existing = context.overlay.get(doc._id);
    const existed = existing !== null;
    if (existing && existing._type !== doc._type) context.overlay.set(doc._id, null);
    context.overlay.set(doc._id, doc);
    return {
      results: [{ id: doc._id, operation: existed ? 'update' : 'create' }],
      logged: { createOrReplace: doc },
    };
  },
};
