// The search index is split into shards by story id, each a Pagefind index of
// its own that the search page merges when it loads. Publishing or correcting
// one story then re-indexes one shard (an eighth of the stories), not all of
// them: whole-site indexing took seconds at 10k stories, too slow for a
// publish that should be live in seconds.
import { createHash } from 'node:crypto';

export const SEARCH_SHARDS = 8;

/** Stable for a story's life: its id never changes. */
export function shardOf(storyId: string): number {
  return (createHash('sha1').update(storyId).digest()[0] ?? 0) % SEARCH_SHARDS;
}

/** The shards that hold at least one of these stories, in order. */
export function usedShards(stories: readonly { _id: string }[]): number[] {
  return [...new Set(stories.map((s) => shardOf(s._id)))].sort((a, b) => a - b);
}

/** Where a shard is published in the site, under /pagefind/. */
export const shardPath = (shard: number) => `/pagefind/${shard}/`;
