import { z } from 'zod';
import {
  checkPublishedId,
  checkVersionOf,
  defineAction,
  documentId,
  requireDocument,
  withoutSystemFields,
} from '../action-kind.ts';

/**
 * `sanity.action.document.unpublish {draftId, publishedId}`: the published
 * document is deleted; its content survives as the draft (copied when there
 * is no draft already).
 */
export const unpublish = defineAction(
  z.object({ draftId: documentId, publishedId: documentId }),
  async ({ draftId, publishedId }, context) => {
    checkPublishedId(publishedId);
    checkVersionOf('draftId', draftId, publishedId);
    const published = requireDocument(context, publishedId, 'unpublish it: it is not published');
    if (!context.get(draftId)) {
      await context.mutate({ create: { ...withoutSystemFields(published, { keepCreatedAt: true }), _id: draftId } });
    }
    await context.mutate({ delete: { id: publishedId } });
  },
);
