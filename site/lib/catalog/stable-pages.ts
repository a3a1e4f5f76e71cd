// Pagination whose pages keep their URL and their stories: archive pages are
// numbered from the oldest story, so page 1 always holds the first stories a
// listing ever had and publishing a story changes only the listing's front and
// its last page. (Numbering from the newest, as most sites do, shifts every
// story down one place on each publish: every page's content changes, links
// and search results go stale, and an incremental build must redo them all.)

/** One archive page: its number (1 = oldest stories) and its stories, newest first. */
export type ArchivePage<T> = { number: number; items: T[] };

export type Pager = {
  /** Newer stories: the archive page number, or 'front' for the listing's front. */
  newer?: number | 'front';
  older?: number;
};

export type StablePages<T> = {
  /** The newest `size` items, for the listing's front. */
  front: T[];
  /** Where the front's "older stories" link goes (absent when the front shows everything). */
  frontOlder?: number;
  /** Numbered archive pages, oldest first; none when the front shows everything. */
  pages: ArchivePage<T>[];
  pager(page: number): Pager;
};

/** Splits `newestFirst` into a front and stable archive pages of `size` items. */
export function stablePages<T>(newestFirst: readonly T[], size: number): StablePages<T> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, not ${size}`);
  const total = newestFirst.length;
  const front = newestFirst.slice(0, size);
  if (total <= size) return { front, pages: [], pager: () => ({}) };
  const count = Math.ceil(total / size);
  // Page k holds chronological positions [(k-1)·size, k·size); position c is
  // newest-first index total-1-c.
  const pages = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    items: newestFirst.slice(Math.max(0, total - (i + 1) * size), total - i * size),
  }));
  // The first story the front leaves out is chronological position total-1-size.
  const frontOlder = Math.floor((total - 1 - size) / size) + 1;
  return {
    front,
    frontOlder,
    pages,
    pager: (page) => ({
      newer: page < count ? page + 1 : 'front',
      older: page > 1 ? page - 1 : undefined,
    }),
  };
}
