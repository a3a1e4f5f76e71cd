import { z } from 'zod';
import { draftIdOf } from '../../ids/document-id.ts';
import { actionErrors } from '../action-error.ts';
import {
  attributes,
  checkPublishedId,
  checkVersionOf,
  defineAction,
  documentId,
  withoutSystemFields,
} from '../action-kind.ts';

/**
 * `sanity.action.document.replaceDraft {publishedId, attributes}`: history
 * "Restore". The attributes are the document at an old revision, so their
 * `_rev` and `_createdAt` are stale and ignored: the draft keeps its own
 * creation time (or the published document's).
 */
export const replaceDraft = defineAction(
  z.object({ publishedId: documentId, attributes }),
  async ({ publishedId, attributes: attrs }, context) => {
    checkPublishedId(publishedId);
    const id = attrs._id === undefined ? draftIdOf(publishedId) : attrs._id;
    if (typeof id !== 'string') throw actionErrors.invalid('attributes._id', 'must be a string');
    checkVersionOf('attributes._id', id, publishedId);
    const createdAt = context.get(id)?._createdAt ?? context.get(publishedId)?._createdAt;
    await context.mutate({
      createOrReplace: {
        ...withoutSystemFields(attrs, { keepCreatedAt: false }),
        ...(createdAt ? { _createdAt: createdAt } : {}),
        _id: id,
      },
    });
  },
);
