import { z } from 'zod';
import { isPublishedId } from '../../ids/document-id.ts';
import { actionErrors } from '../action-error.ts';
import { defineAction, documentId, requireDocument } from '../action-kind.ts';

/** Deletes one draft or release version, which must exist; a published id is refused. */
function discardVersion(field: string, id: string, context: Parameters<Parameters<typeof defineAction>[1]>[1]) {
  if (isPublishedId(id)) {
    throw actionErrors.invalid(field, `"${id}" is a published document; discard takes a draft or version id`);
  }
  requireDocument(context, id, 'discard it');
  return context.mutate({ delete: { id } });
}

/** `sanity.action.document.discard {draftId}`: the Studio's "Discard changes". */
export const discard = defineAction(
  z.object({ draftId: documentId, purge: z.boolean().optional() }),
  ({ draftId }, context) => discardVersion('draftId', draftId, context),
);

/** `sanity.action.document.version.discard {versionId}`: the Studio's Delete when nothing is published. */
export const versionDiscard = defineAction(
  z.object({ versionId: documentId, purge: z.boolean().optional() }),
  ({ versionId }, context) => discardVersion('versionId', versionId, context),
);
