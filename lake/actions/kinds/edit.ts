import { z } from 'zod';
import { actionErrors } from '../action-error.ts';
import { checkPublishedId, checkVersionOf, defineAction, documentId, withoutSystemFields } from '../action-kind.ts';

/**
 * `sanity.action.document.edit {draftId, publishedId, patch}`: patches the
 * draft, first copying it from the published document when there is no
 * draft yet (the Studio relies on this: it sends no create for the copy).
 */
export const edit = defineAction(
  z.object({ draftId: documentId, publishedId: documentId, patch: z.record(z.string(), z.unknown()) }),
  async ({ draftId, publishedId, patch }, context) => {
    checkPublishedId(publishedId);
    checkVersionOf('draftId', draftId, publishedId);
    if ('id' in patch || 'query' in patch) {
      throw actionErrors.invalid('patch', 'must not name documents ("id"/"query"); the action patches its draftId');
    }
    if (!context.get(draftId)) {
      const published = context.get(publishedId);
      if (!published)
        throw actionErrors.notFound(publishedId, `edit "${draftId}": neither it nor the published document exists`);
      // The copy keeps the published `_rev` until commit, so a patch's ifRevisionID can name it.
      await context.mutate({
        create: { ...withoutSystemFields(published, { keepCreatedAt: true }), _rev: published._rev, _id: draftId },
      });
    }
    await context.mutate({ patch: { ...patch, id: draftId } });
  },
);
