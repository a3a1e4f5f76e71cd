import type { MutationHandler } from '../mutation-kind.ts';
import { documentPayload } from './document-payload.ts';

/** `{createOrReplace: doc}`: the document becomes exactly `doc` (its `_createdAt` survives). */
export const createOrReplace: MutationHandler = {
  permission: 'create',
  async apply(payload, context) {
    const doc = documentPayload(payload, 'createOrReplace', { requireId: true }, context);
    const existed = context.overlay.get(doc._id) !== null;
    context.overlay.set(doc._id, doc);
    return {
      results: [{ id: doc._id, operation: existed ? 'update' : 'create' }],
      logged: { createOrReplace: doc },
    };
  },
};
