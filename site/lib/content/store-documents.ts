// Validates fetched documents against their schema and stores the valid ones
// (prepared by the collection's hooks); invalid ones become named problems.
import type { LoaderContext } from 'astro/loaders';
import type { z } from 'zod';
import { type NewsroomError, newsroomError } from '../errors.ts';
import { cleanValues } from './clean-values.ts';
import { controlCharacterPaths } from './control-characters.ts';
import { documentProblems } from './document-problems.ts';
import type { Doc } from './fetch-pages.ts';

export type EntryHooks<T> = {
  /** Runs before the documents are stored, with the loader's context. */
  begin?: (context: LoaderContext) => void;
  /** Mixed into each digest: what else the stored form depends on (e.g. the renderer's code). */
  salt?: () => string;
  /** Turns a new or changed document into its stored form. */
  prepare?: (doc: T, digest: string) => Doc;
  /** Told of each unchanged entry kept from the last build. */
  reuse?: (stored: Doc, digest: string) => void;
  /** Runs after all entries are stored; `reject` takes one back as invalid (e.g. a second story with one slug). */
  finish?: (reject: Reject) => void;
};

/** Reports a stored document as invalid at `path` and takes it out of the collection, as if it had failed its schema. */
export type Reject = (doc: { _id: string; _type: string }, path: string, problem: string) => void;

export type StoreRun<T> = {
  context: LoaderContext;
  schema: z.ZodType<T>;
  hooks: EntryHooks<T>;
  salt: string;
  studioUrl: string | undefined;
  problems: NewsroomError[];
  /** Ids stored (or kept) in this load. */
  seen: Set<string>;
};

export function storeDocuments<T>(run: StoreRun<T>, docs: readonly Doc[]): void {
  const { context, hooks } = run;
  for (const doc of docs) {
    const cleaning = { controlCharacters: false };
    const result = run.schema.safeParse(cleanValues(doc, cleaning));
    if (cleaning.controlCharacters) warnControlCharacters(context, doc);
    if (!result.success) {
      run.problems.push(...documentProblems(doc, result.error, run.studioUrl));
      if (typeof doc._id === 'string') context.store.delete(doc._id);
      continue;
    }
    const data = result.data as T & Doc & { _id: string };
    run.seen.add(data._id);
    const digest = context.generateDigest(run.salt ? `${run.salt}:${JSON.stringify(data)}` : data);
    const stored = context.store.get(data._id);
    if (stored?.digest === digest) {
      hooks.reuse?.(stored.data, digest);
      continue;
    }
    context.store.set({ id: data._id, data: hooks.prepare ? hooks.prepare(data, digest) : data, digest });
  }
}

/** Once per document, naming where: the text was cleaned, but the editor may want to retype it. */
function warnControlCharacters(context: LoaderContext, doc: Doc): void {
  const id = typeof doc._id === 'string' ? doc._id : '(no _id)';
  const type = typeof doc._type === 'string' ? doc._type : '(no _type)';
  const warning = newsroomError('ControlCharactersRemoved', id, type, controlCharacterPaths(doc).join(', '));
  context.logger.warn(`${warning.name}: ${warning.message}`);
}
