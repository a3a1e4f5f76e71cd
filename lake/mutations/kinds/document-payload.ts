import { documentIdProblem } from '../../ids/document-id.ts';
import { randomId } from '../../ids/random-id.ts';
import type { LakeDocument } from '../../store/document.ts';
import { withArrayKeys } from '../array-keys.ts';
import { mutationErrors } from '../mutation-item-error.ts';
import type { MutationContext } from '../mutation-kind.ts';

/**
 * The document of a create/createOrReplace/createIfNotExists mutation,
 * checked: an object with a valid `_id` (generated when allowed and absent;
 * an id ending in "." such as "drafts." gets a random id appended, as Sanity
 * does) and a string `_type`.
 */
export function documentPayload(
  payload: unknown,
  kind: string,
  options: { requireId: boolean },
  context: MutationContext,
): LakeDocument {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw mutationErrors.invalid(`"${kind}" must be a document object, got ${describe(payload)}`);
  }
  const doc = { ...(payload as Record<string, unknown>) };
  if (doc._id === undefined || doc._id === null) {
    if (options.requireId) throw mutationErrors.invalid(`"${kind}" requires the document to have an "_id"`);
    doc._id = randomId();
  }
  if (typeof doc._id !== 'string') {
    throw mutationErrors.invalid(`"${kind}" document "_id" must be a string, got ${describe(doc._id)}`);
  }
  const id = doc._id.endsWith('.') ? `${doc._id}${randomId()}` : doc._id;
  doc._id = id;
  const problem = documentIdProblem(id);
  if (problem) throw mutationErrors.invalid(`Document ID "${id}" is not valid: ${problem}`);
  if (typeof doc._type !== 'string' || doc._type === '') {
    throw mutationErrors.invalid(`Document "${id}" must have a string "_type"`);
  }
  const checked = doc as LakeDocument;
  return context.autoGenerateArrayKeys ? withArrayKeys(checked) : checked;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `a ${typeof value}`;
}
