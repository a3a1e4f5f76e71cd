// An Astro content loader that reads a Sanity-API host with @sanity/client.
// It validates every document with the zod schema from schemas/, so an invalid
// document is reported (id, type, field path, Studio link) instead of rendered
// broken: skipped with a warning by default, fatal in strict mode. Large
// collections are loaded incrementally: only members that changed since the
// last load are fetched, validated and prepared again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'zod';
import { byIdsQuery, type PagedQuery } from '../../../schemas/queries/paged.ts';
import { newsroomError } from '../errors.ts';
import { requireOriginalsIn } from '../images/original-registry.ts';
import { contentClient } from '../sanity/client.ts';
import { type ContentConfig, readContentConfig } from '../sanity/config.ts';
import { planChanges } from './changed-members.ts';
import { cleanValues } from './clean-values.ts';
import { contentHostReleasable, contentHostStarted } from './content-host-release.ts';
import { documentProblem, documentProblems, type SkippedDocument, skippedDocumentOf } from './document-problems.ts';
import { type ContentFetcher, contentFetcher, type Doc, fetchByIds } from './fetch-pages.ts';
import { type EntryHooks, type Reject, type StoreRun, storeDocuments } from './store-documents.ts';

export type { EntryHooks } from './store-documents.ts';

/**
 * Documents of a collection that its query's filter cannot read and so leaves
 * out (a story whose publishedAt is not a date): a GROQ query for them, and
 * what is wrong with one, by field path.
 */
export type Unreadable = {
  query: string;
  /** The fields the filter reads, as the site's schema has them: its failures say what is wrong. */
  schema: z.ZodType;
  /** The problem of a document the query finds and the schema accepts (GROQ reads less than zod does). */
  otherwise: { path: string; problem: string };
};

export type SanityLoaderOptions<S extends z.ZodType> = {
  /**
   * A GROQ query returning an array of documents (or one document, for
   * singletons), or a paged query for collections loaded incrementally.
   */
  query: string | PagedQuery;
  /** Its $params; a function so values such as the current time are read at load time. */
  params?: () => Record<string, unknown>;
  /** Documents per request, for a paged query. */
  pageSize?: number;
  /** The zod schema each result must satisfy; from schemas/queries/. */
  schema: S;
  hooks?: EntryHooks<z.infer<S>>;
  /** Reported and counted as skipped like any invalid document, so a strict build fails on them too. */
  unreadable?: Unreadable;
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
  if (!options.config) await contentHostStarted();
  const config = options.config ?? readContentConfig();
  const hooks = options.hooks ?? {};
  hooks.begin?.(context);
  const run: StoreRun<z.infer<S>> = {
    context,
    schema: options.schema as z.ZodType<z.infer<S>>,
    hooks,
    salt: hooks.salt?.() ?? '',
    studioUrl: config.studioUrl,
    problems: [],
    seen: new Set(),
  };
  const fetch = contentFetcher(contentClient(config), config, context.collection);
  const params = options.params?.() ?? {};
  let total: number;
  let members: Map<string, string | undefined> | undefined;

  if (typeof options.query === 'string') {
    const result = await fetch<unknown>(options.query, params);
    const docs = (Array.isArray(result) ? result : result ? [result] : []) as Doc[];
    storeDocuments(run, docs);
    total = docs.length;
    for (const id of context.store.keys()) if (!run.seen.has(id)) context.store.delete(id);
  } else {
    const plan = await planChanges({
      fetch,
      query: options.query,
      params,
      context,
      trustStored: context.meta.get('salt') === run.salt,
      alsoChanged: (process.env.NEWSROOM_CHANGED_IDS ?? '').split(',').filter(Boolean),
    });
    for await (const docs of fetchByIds(
      fetch,
      byIdsQuery(options.query),
      params,
      plan.changed,
      options.pageSize ?? 500,
    )) {
      storeDocuments(run, docs);
    }
    const changed = new Set(plan.changed);
    for (const id of context.store.keys()) {
      const entry = context.store.get(id);
      if (!plan.members.has(id)) context.store.delete(id);
      else if (!changed.has(id) && entry) {
        run.seen.add(id);
        hooks.reuse?.(entry.data, String(entry.digest));
      }
    }
    context.meta.set('since', plan.now);
    context.meta.set('salt', run.salt);
    members = plan.members;
    total = plan.members.size;
    context.logger.info(`${context.collection}: ${plan.changed.length} of ${total} fetched (new or changed)`);
  }
  if (options.unreadable) total += await reportUnreadable(fetch, options.unreadable, run);
  const reject: Reject = (doc, path, problem) => {
    run.problems.push(documentProblem(doc, path, problem, run.studioUrl));
    run.seen.delete(doc._id);
    context.store.delete(doc._id);
  };
  hooks.finish?.(reject);
  // After finish: a document it rejected is not shown, and is among the skipped.
  recordForPublisher(context.collection, members, run);
  report(context, run, total, options.strict ?? process.env.NEWSROOM_STRICT === 'true');
  // Images this collection shows (portraits, section art), to fetch before a
  // lake this build owns is let go; stories report theirs from their own store.
  if (contentHostReleasable()) for (const entry of context.store.values()) requireOriginalsIn(entry.data);
}

/** Adds the unreadable documents' problems to the run; answers how many documents there were. */
async function reportUnreadable<T>(fetch: ContentFetcher, unreadable: Unreadable, run: StoreRun<T>): Promise<number> {
  const docs = await fetch<Doc[]>(unreadable.query, {});
  for (const doc of docs) {
    const result = unreadable.schema.safeParse(cleanValues(doc));
    const { path, problem } = unreadable.otherwise;
    run.problems.push(
      ...(result.success
        ? [documentProblem(doc, path, problem, run.studioUrl)]
        : documentProblems(doc, result.error, run.studioUrl)),
    );
  }
  return docs.length;
}

/**
 * For the publisher, in NEWSROOM_REVISIONS_OUT: the revision of every member
 * this build shows, so the deploy can tell editors what is live; and under
 * `skipped`, each document the build left out as invalid, with its first
 * problem. Written before a strict build stops on them, so a failed publish
 * can name them too.
 */
function recordForPublisher<T>(
  collection: string,
  members: Map<string, string | undefined> | undefined,
  run: StoreRun<T>,
): void {
  const file = process.env.NEWSROOM_REVISIONS_OUT;
  if (!file) return;
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  if (members) all[collection] = Object.fromEntries([...members].filter(([id, rev]) => run.seen.has(id) && rev));
  const skipped = new Map<string, SkippedDocument>();
  for (const problem of run.problems) {
    const doc = skippedDocumentOf(problem);
    if (doc && !skipped.has(doc.id)) skipped.set(doc.id, doc);
  }
  all.skipped = { ...(all.skipped as object | undefined), [collection]: [...skipped.values()] };
  writeFileSync(file, JSON.stringify(all));
}

function report<T>(context: LoaderContext, run: StoreRun<T>, total: number, strict: boolean): void {
  for (const problem of run.problems) context.logger.warn(`${problem.name}: ${problem.message}`);
  const skipped = total - run.seen.size;
  // The first problem goes into the message itself, because the publisher
  // shows editors only the error, not the warnings logged before it.
  if (skipped && strict) throw newsroomError('InvalidDocumentsStrict', skipped, run.problems[0]?.message ?? '');
  context.logger.info(
    `${run.seen.size} ${context.collection} loaded${skipped ? `, ${skipped} skipped as invalid` : ''}`,
  );
}
