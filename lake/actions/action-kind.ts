import { z } from 'zod';
import { isPublishedId, publishedIdOf } from '../ids/document-id.ts';
import type { LakeDocument } from '../store/document.ts';
import { ActionItemError, actionErrors } from './action-error.ts';

/** What an action sees and does while its transaction runs. */
export type ActionContext = {
  /** A document as the transaction sees it now (earlier actions included), or null. */
  get(id: string): LakeDocument | null;
  /**
   * Applies one mutation with the mutation engine (the same code and
   * semantics as /data/mutate) and records it in the transaction log.
   */
  mutate(mutation: Record<string, unknown>): Promise<void>;
};

/** One entry of the action dispatch table: parses its own payload, then applies it. */
export type ActionHandler = { run(action: unknown, context: ActionContext): Promise<void> };

/** Builds a handler whose payload is checked with `schema`; a bad field becomes a 400 naming it. */
export function defineAction<S extends z.ZodType>(
  schema: S,
  apply: (action: z.output<S>, context: ActionContext) => Promise<void>,
): ActionHandler {
  return {
    run(action, context) {
      const parsed = schema.safeParse(action);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw actionErrors.invalid(issue?.path.join('.') || 'action', issue?.message ?? 'invalid');
      }
      return apply(parsed.data, context);
    },
  };
}

export const documentId = z.string().min(1, 'must be a document id').max(200, 'is longer than 200 characters');

/** Document attributes: an object; `_type` is checked by the mutation engine. */
export const attributes = z.record(z.string(), z.unknown());

/** A draft or release version of `publishedId` (`drafts.X`, `versions.<release>.X`). */
export function checkVersionOf(field: string, versionId: string, publishedId: string): void {
  if (isPublishedId(versionId)) {
    throw actionErrors.invalid(
      field,
      `"${versionId}" is a published id; expected "drafts.${publishedId}" or a release version`,
    );
  }
  if (publishedIdOf(versionId) !== publishedId) {
    throw actionErrors.invalid(field, `"${versionId}" is not a version of publishedId "${publishedId}"`);
  }
}

export function checkPublishedId(publishedId: string): void {
  if (!isPublishedId(publishedId)) {
    throw actionErrors.invalid(
      'publishedId',
      `"${publishedId}" is a draft or version id; give the id without a prefix`,
    );
  }
}

/** The document minus the fields the lake owns: a client's `_rev`/`_updatedAt` (and `_createdAt` if asked) are ignored. */
export function withoutSystemFields(
  doc: Record<string, unknown>,
  options: { keepCreatedAt: boolean },
): Record<string, unknown> {
  const { _rev: _r, _updatedAt: _u, _createdAt, ...rest } = doc;
  return options.keepCreatedAt && _createdAt !== undefined ? { ...rest, _createdAt } : rest;
}

export function requireDocument(context: ActionContext, id: string, doing: string): LakeDocument {
  const doc = context.get(id);
  if (!doc) throw actionErrors.notFound(id, doing);
  return doc;
}

export function checkRevision(id: string, field: string, expected: string | undefined, doc: LakeDocument | null) {
  if (expected !== undefined && doc?._rev !== expected) {
    throw actionErrors.revisionMismatch(id, field, expected, doc?._rev);
  }
}

export { ActionItemError };
