// Turns a zod failure on a content document into messages an editor can act
// on: which document, which field, what is wrong, and where to fix it.
import type { z } from 'zod';
import { type NewsroomError, newsroomError } from '../errors.ts';

export type DocumentRef = { _id?: unknown; _type?: unknown };

/** `body[3].children[0].text`, or `body[_key=="p1"].text` when the item has a key. */
export function fieldPath(doc: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = doc;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const key = Array.isArray(node) ? (node[segment] as { _key?: unknown } | undefined)?._key : undefined;
      out += typeof key === 'string' ? `[_key=="${key}"]` : `[${segment}]`;
    } else {
      out += out ? `.${String(segment)}` : String(segment);
    }
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
  }
  return out || '(document)';
}

/** The Studio's intent link that opens the document for editing. */
export function studioLink(studioUrl: string | undefined, id: string, type: string): string | undefined {
  if (!studioUrl) return undefined;
  const publishedId = id.replace(/^drafts\./, '');
  return `${studioUrl.replace(/\/$/, '')}/intent/edit/id=${encodeURIComponent(publishedId)};type=${encodeURIComponent(type)}/`;
}

export function documentProblems(doc: DocumentRef, error: z.ZodError, studioUrl: string | undefined): NewsroomError[] {
  return error.issues.map((issue) => documentProblem(doc, fieldPath(doc, issue.path), issue.message, studioUrl));
}

/** One thing wrong with a document, found by other means than its schema (a duplicate slug, a date GROQ cannot read). */
export function documentProblem(
  doc: DocumentRef,
  path: string,
  problem: string,
  studioUrl: string | undefined,
): NewsroomError {
  const id = typeof doc._id === 'string' ? doc._id : '(no _id)';
  const type = typeof doc._type === 'string' ? doc._type : '(no _type)';
  const err = newsroomError('InvalidDocument', id, type, path, problem);
  const link = studioLink(studioUrl, id, type);
  if (link) err.message += ` Edit it: ${link}`;
  return Object.assign(err, { document: { id, type, problem: `${path}: ${problem}` } });
}

/** What the publisher records of a document the build left out (see sanity-loader.ts). */
export type SkippedDocument = { id: string; type: string; problem: string };

/** The document a problem is about, when it is about one. */
export function skippedDocumentOf(error: NewsroomError): SkippedDocument | undefined {
  return (error as NewsroomError & { document?: SkippedDocument }).document;
}
