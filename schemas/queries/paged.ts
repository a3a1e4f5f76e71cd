// A query read in pages of `$limit` documents, ordered by `_id` and resumed
// after the last id seen (keyset pagination). Both ends then hold one page at
// a time instead of the whole collection: the lake never serialises a 90 MB
// answer and the build never parses one.
export type PagedQuery = {
  /** A GROQ filter: what belongs to the collection. */
  filter: string;
  /** The projection applied to each document of a page. */
  projection: string;
};

/** The GROQ for one page; `$after` is the last `_id` of the previous page ('' for the first). */
export function pageQuery(query: PagedQuery): string {
  return `*[(${query.filter}) && _id > $after] | order(_id asc) [0...$limit] ${query.projection}`;
}
