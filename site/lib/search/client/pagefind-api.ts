// The part of Pagefind's browser API (/pagefind/pagefind.js) the search page uses.
export type PagefindResultData = {
  url: string;
  /** The text the index holds for the story; positions count its words, split at whitespace. */
  content: string;
  /** Positions in `content` of the words that matched. */
  locations: number[];
  /** lang and dir only for a story not in the site's language (search-record.ts). */
  meta: { title?: string; date?: string; section?: string; dek?: string; lang?: string; dir?: string };
};

/** A result whose data is loaded when it is shown. */
export type LoadableResult = { data: () => Promise<PagefindResultData> };

/** `id`: the page's hash; `words`: positions of the words that matched, known before the data is loaded. */
export type PagefindResult = LoadableResult & { id: string; words: number[] };

export type PagefindApi = {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (url: string, options?: Record<string, unknown>) => Promise<void>;
  search: (
    term: string | null,
    options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: PagefindResult[] } | null>;
};

/**
 * A filter every story of a shard has, its value the shard's path: a search
 * can then ask one shard alone (Pagefind's mergeFilter), as "newest first"
 * must (newest-first.ts).
 */
export const SHARD_FILTER = 'shard';

/**
 * Loads Pagefind from the first shard's folder and merges the other shards.
 * It is written after the build, so it is loaded at run time, not bundled.
 */
export async function loadPagefind(shards: readonly string[]): Promise<PagefindApi> {
  const [first, ...rest] = shards;
  if (!first) throw new Error('There is no search index: no story is published yet.');
  const api = (await import(/* @vite-ignore */ `${first}pagefind.js`)) as PagefindApi;
  await api.options({ mergeFilter: { [SHARD_FILTER]: first } });
  for (const shard of rest) await api.mergeIndex(shard, { mergeFilter: { [SHARD_FILTER]: shard } });
  return api;
}
