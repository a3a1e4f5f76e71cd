import { z } from 'zod';
import { isPublishedId } from '../../ids/document-id.ts';
import { actionErrors } from '../action-error.ts';
import {
  attributes,
  checkPublishedId,
  checkRevision,
  checkVersionOf,
  defineAction,
  documentId,
  requireDocument,
  withoutSystemFields,
} from '../action-kind.ts';

const fromDocument = z.object({ publishedId: documentId, document: attributes });
const fromBase = z.object({
  publishedId: documentId,
  baseId: documentId,
  versionId: documentId,
  ifBaseRevisionId: z.string().optional(),
});

/**
 * `sanity.action.document.version.create`: a new draft or release version,
 * either from a whole `document` or copied from `baseId` (optionally at an
 * expected revision). Releases are off in our Studio; kept for API clients.
 */
export const versionCreate = defineAction(z.union([fromDocument, fromBase]), async (action, context) => {
  checkPublishedId(action.publishedId);
  if ('document' in action) {
    const id = action.document._id;
    if (typeof id !== 'string') throw actionErrors.invalid('document._id', 'must be a string');
    checkVersionOf('document._id', id, action.publishedId);
    if (context.get(id)) throw actionErrors.alreadyExists(id);
    await context.mutate({ create: { ...withoutSystemFields(action.document, { keepCreatedAt: false }), _id: id } });
    return;
  }
  checkVersionOf('versionId', action.versionId, action.publishedId);
  const base = requireDocument(context, action.baseId, `copy it to "${action.versionId}"`);
  checkRevision(action.baseId, 'ifBaseRevisionId', action.ifBaseRevisionId, base);
  if (context.get(action.versionId)) throw actionErrors.alreadyExists(action.versionId);
  await context.mutate({
    create: { ...withoutSystemFields(base, { keepCreatedAt: false }), _id: action.versionId },
  });
});

/** `sanity.action.document.version.replace {document}`: replaces an existing draft or version whole. */
export const versionReplace = defineAction(z.object({ document: attributes }), async ({ document }, context) => {
  const id = document._id;
  if (typeof id !== 'string') throw actionErrors.invalid('document._id', 'must be a string');
  if (isPublishedId(id)) {
    throw actionErrors.invalid('document._id', `"${id}" is a published document; replace takes a draft or version`);
  }
  const existing = requireDocument(context, id, 'replace it');
  const createdAt = existing._createdAt ? { _createdAt: existing._createdAt } : {};
  await context.mutate({
    createOrReplace: { ...withoutSystemFields(document, { keepCreatedAt: false }), ...createdAt, _id: id },
  });
});
