import { z } from 'zod';
import { draftIdOf } from '../../ids/document-id.ts';
import { actionErrors } from '../action-error.ts';
import { checkPublishedId, checkVersionOf, defineAction, documentId } from '../action-kind.ts';

/**
 * `sanity.action.document.delete {publishedId, includeDrafts}`: deletes the
 * published document and the listed drafts together. An existing draft left
 * out of `includeDrafts` is refused rather than orphaned.
 */
export const deleteAction = defineAction(
  z.object({
    publishedId: documentId,
    includeDrafts: z.array(documentId).default([]),
    purge: z.boolean().optional(),
  }),
  async ({ publishedId, includeDrafts }, context) => {
    checkPublishedId(publishedId);
    includeDrafts.forEach((id, i) => {
      checkVersionOf(`includeDrafts[${i}]`, id, publishedId);
    });
    const draftId = draftIdOf(publishedId);
    if (context.get(draftId) && !includeDrafts.includes(draftId)) throw actionErrors.draftNotListed(draftId);
    const targets = [publishedId, ...includeDrafts].filter((id) => context.get(id));
    if (targets.length === 0) throw actionErrors.notFound(publishedId, 'delete it: neither it nor its drafts exist');
    for (const id of targets) await context.mutate({ delete: { id } });
  },
);
