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
 * `sanity.action.document.create {publishedId, attributes, ifExists}`:
 * creates a draft (or release version). The Studio sends its own `_rev` and
 * `_createdAt` in `attributes`; the lake sets both itself.
 */
export const create = defineAction(
  z.object({
    publishedId: documentId,
    attributes,
    ifExists: z.enum(['fail', 'ignore']).default('fail'),
  }),
  async ({ publishedId, attributes: attrs, ifExists }, context) => {
    checkPublishedId(publishedId);
    const id = attrs._id === undefined ? draftIdOf(publishedId) : attrs._id;
    if (typeof id !== 'string') throw actionErrors.invalid('attributes._id', 'must be a string');
    checkVersionOf('attributes._id', id, publishedId);
    if (context.get(id)) {
      if (ifExists === 'ignore') return;
      throw actionErrors.alreadyExists(id);
    }
    await context.mutate({ create: { ...withoutSystemFields(attrs, { keepCreatedAt: false }), _id: id } });
  },
);
