// Queries for collections too large to read in one answer. The site reads
// them incrementally: an index of ids and revisions first, then only the
// documents that changed since the last build, a page at a time.
export type PagedQuery = {
  /** A GROQ filter: what belongs to the collection. */
  filter: string;
  /** The projection applied to each document. */
  projection: string;
};

/** Every member's id and revision, and the lake's clock (the next build's "since"). */
export function indexQuery(query: PagedQuery): string {
  return `{"now": now(), "docs": *[${query.filter}]{_id, _rev}}`;
}

/** Full documents by id (`$ids`): the members that changed. */
export function byIdsQuery(query: PagedQuery): string {
  return `*[(${query.filter}) && _id in $ids] ${query.projection}`;
}

/** Members that reference any of `$ids`: they show data from documents that changed. */
export function referencingQuery(query: PagedQuery): string {
  return `*[(${query.filter}) && references($ids)]._id`;
}

/** Documents of any type that reference any of `$ids`. */
export const referrersQuery = '*[references($ids)]._id';

/** Ids of documents of any type written since `$since`. */
export const updatedSinceQuery = '*[_updatedAt >= $since]._id';
