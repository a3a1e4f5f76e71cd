import { z } from 'zod';
import {
  checkPublishedId,
  checkRevision,
  checkVersionOf,
  defineAction,
  documentId,
  requireDocument,
  withoutSystemFields,
} from '../action-kind.ts';
import { strengthenOnPublish } from '../strengthen-on-publish.ts';

/**
 * `sanity.action.document.publish {draftId, publishedId, ifDraftRevisionId?,
 * ifPublishedRevisionId?}`: in one transaction the published document
 * becomes the draft's content and the draft is deleted. A stale revision is a
 * 409 and changes nothing. References the Studio marked `_strengthenOnPublish`
 * become strong in the published document (strengthen-on-publish.ts).
 */
export const publish = defineAction(
  z.object({
    draftId: documentId,
    publishedId: documentId,
    ifDraftRevisionId: z.string().optional(),
    ifPublishedRevisionId: z.string().optional(),
  }),
  async (action, context) => {
    checkPublishedId(action.publishedId);
    checkVersionOf('draftId', action.draftId, action.publishedId);
    const draft = requireDocument(context, action.draftId, 'publish it: there is no draft');
    const published = context.get(action.publishedId);
    checkRevision(action.draftId, 'ifDraftRevisionId', action.ifDraftRevisionId, draft);
    checkRevision(action.publishedId, 'ifPublishedRevisionId', action.ifPublishedRevisionId, published);
    const content = strengthenOnPublish(withoutSystemFields(draft, { keepCreatedAt: true }));
    const createdAt = published?._createdAt ?? content._createdAt;
    await context.mutate({
      createOrReplace: { ...content, ...(createdAt ? { _createdAt: createdAt } : {}), _id: action.publishedId },
    });
    await context.mutate({ delete: { id: action.draftId } });
  },
);
