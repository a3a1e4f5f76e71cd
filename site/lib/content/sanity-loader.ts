// An Astro content loader that reads a Sanity-API host with @sanity/client.
// It validates every document with the zod schema from schemas/, so an invalid
// document is reported (id, type, field path, Studio link) instead of rendered
// broken: skipped with a warning by default, fatal in strict mode.
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'zod';
import type { PagedQuery } from '../../../schemas/queries/paged.ts';
import { type NewsroomError, newsroomError } from '../errors.ts';
import { contentClient } from '../sanity/client.ts';
import { type ContentConfig, readContentConfig } from '../sanity/config.ts';
import { documentProblems } from './document-problems.ts';
import { dropNulls } from './drop-nulls.ts';
import { type Doc, fetchPages } from './fetch-pages.ts';

/** How a collection turns a valid result into what it stores, for collections that do more than store it. */
export type EntryHooks<T> = {
  /** Runs before the documents are stored, with the loader's context. */
  begin?: (context: LoaderContext) => void;
  /** Mixed into each digest: what else the stored form depends on (e.g. the renderer's code). */
  salt?: () => string;
  /** Turns a new or changed document into its stored form. */
  prepare?: (doc: T, digest: string) => Doc;
  /** Told of each unchanged entry kept from the last build. */
  reuse?: (stored: Doc, digest: string) => void;
  /** Runs after all entries are stored. */
  finish?: () => void;
};

export type SanityLoaderOptions<S extends z.ZodType> = {
  /**
   * A GROQ query returning an array of documents (or one document, for
   * singletons), or a paged query for collections too large to read at once.
   */
  query: string | PagedQuery;
  /** Its $params; a function so values such as the current time are read at load time. */
  params?: () => Record<string, unknown>;
  /** Documents per page, for a paged query. */
  pageSize?: number;
  /** The zod schema each result must satisfy; from schemas/queries/. */
  schema: S;
  hooks?: EntryHooks<z.infer<S>>;
  /** Stops the build on any invalid document instead of skipping it. Defaults to NEWSROOM_STRICT=true. */
  strict?: boolean;
  /** Injected in tests; defaults to the environment. */
  config?: ContentConfig;
};

export function sanityLoader<S extends z.ZodType>(options: SanityLoaderOptions<S>): Loader {
  return {
    name: 'sanity-loader',
    load: async (context) => load(context, options),
  };
}

async function load<S extends z.ZodType>(context: LoaderContext, options: SanityLoaderOptions<S>): Promise<void> {
  const config = options.config ?? readContentConfig();
  const strict = options.strict ?? process.env.NEWSROOM_STRICT === 'true';
  const hooks = options.hooks ?? {};
  hooks.begin?.(context);
  const salt = hooks.salt?.() ?? '';
  const problems: NewsroomError[] = [];
  const seen = new Set<string>();
  let total = 0;

  const pages = fetchPages({
    client: contentClient(config),
    config,
    collection: context.collection,
    query: options.query,
    params: options.params?.() ?? {},
    pageSize: options.pageSize ?? 500,
  });
  for await (const docs of pages) {
    total += docs.length;
    for (const doc of docs) {
      const result = options.schema.safeParse(dropNulls(doc));
      if (!result.success) {
        problems.push(...documentProblems(doc, result.error, config.studioUrl));
        continue;
      }
      const data = result.data as Doc & { _id: string };
      seen.add(data._id);
      const digest = context.generateDigest(salt ? `${salt}:${JSON.stringify(data)}` : data);
      const stored = context.store.get(data._id);
      if (stored?.digest === digest) {
        hooks.reuse?.(stored.data, digest);
        continue;
      }
      context.store.set({
        id: data._id,
        data: hooks.prepare ? hooks.prepare(data as z.infer<S>, digest) : data,
        digest,
      });
    }
  }
  for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
  hooks.finish?.();

  for (const problem of problems) context.logger.warn(`${problem.name}: ${problem.message}`);
  const skipped = total - seen.size;
  if (skipped && strict) throw newsroomError('InvalidDocumentsStrict', skipped);
  context.logger.info(`${seen.size} ${context.collection} loaded${skipped ? `, ${skipped} skipped as invalid` : ''}`);
}
