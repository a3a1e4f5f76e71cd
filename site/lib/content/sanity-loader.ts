// An Astro content loader that reads a Sanity-API host with @sanity/client.
// It validates every document with the zod schema from schemas/, so an invalid
// document is reported (id, type, field path, Studio link) instead of rendered
// broken: skipped with a warning by default, fatal in strict mode.
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'zod';
import { type NewsroomError, newsroomError } from '../errors.ts';
import { contentClient } from '../sanity/client.ts';
import { type ContentConfig, readContentConfig } from '../sanity/config.ts';
import { documentProblems } from './document-problems.ts';
import { dropNulls } from './drop-nulls.ts';

export type SanityLoaderOptions<S extends z.ZodType> = {
  /** A GROQ query returning an array of documents (or one document, for singletons). */
  query: string;
  /** Its $params; a function so values such as the current time are read at load time. */
  params?: () => Record<string, unknown>;
  /** The zod schema each result must satisfy; from schemas/queries/. */
  schema: S;
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
  const raw = await fetchAll(config, context.collection, options);
  const docs = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Record<string, unknown>[];

  const problems: NewsroomError[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    const result = options.schema.safeParse(dropNulls(doc));
    if (!result.success) {
      problems.push(...documentProblems(doc, result.error, config.studioUrl));
      continue;
    }
    const data = result.data as Record<string, unknown> & { _id: string };
    seen.add(data._id);
    const digest = context.generateDigest(data);
    if (context.store.get(data._id)?.digest === digest) continue;
    context.store.set({ id: data._id, data, digest });
  }
  for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);

  for (const problem of problems) context.logger.warn(`${problem.name}: ${problem.message}`);
  if (problems.length && strict) throw newsroomError('InvalidDocumentsStrict', docs.length - seen.size);
  context.logger.info(
    `${seen.size} ${context.collection} loaded${problems.length ? `, ${docs.length - seen.size} skipped as invalid` : ''}`,
  );
}

async function fetchAll<S extends z.ZodType>(
  config: ContentConfig,
  collection: string,
  options: SanityLoaderOptions<S>,
): Promise<unknown> {
  try {
    return await contentClient(config).fetch(options.query, options.params?.() ?? {});
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const unreachable = /ECONNREFUSED|ENOTFOUND|fetch failed|socket hang up/i.test(message);
    throw unreachable
      ? newsroomError('ContentHostUnreachable', config.apiHost, message)
      : newsroomError('ContentQueryFailed', collection, message);
  }
}
