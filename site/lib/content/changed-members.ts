// Which members of a large collection must be fetched again: those not stored
// yet, those whose revision changed, and those that reference any document
// written since the last load (a renamed section, an edited quote, a related
// story's new headline), plus any ids the publisher names (deletions, which
// leave no trace to query). Everything else is kept from the last build.
import type { LoaderContext } from 'astro/loaders';
import {
  indexQuery,
  type PagedQuery,
  referencingQuery,
  referrersQuery,
  updatedSinceQuery,
} from '../../../schemas/queries/paged.ts';
import type { ContentFetcher } from './fetch-pages.ts';

export type ChangePlan = {
  /** Every member id now, with its revision. */
  members: Map<string, string | undefined>;
  /** Members to fetch and store again. */
  changed: string[];
  /** The content host's clock when the index was read: the next load's "since". */
  now: string;
};

export type PlanOptions = {
  fetch: ContentFetcher;
  query: PagedQuery;
  params: Record<string, unknown>;
  context: LoaderContext;
  /** False when stored entries cannot be trusted (renderer changed, first load): everything is fetched. */
  trustStored: boolean;
  /** Ids known to have changed, e.g. deletions reported by webhooks. */
  alsoChanged: readonly string[];
};

export async function planChanges(options: PlanOptions): Promise<ChangePlan> {
  const { fetch, context } = options;
  const index = await fetch<{ now: string; docs: { _id: string; _rev?: string }[] }>(
    indexQuery(options.query),
    options.params,
  );
  const members = new Map(index.docs.map((d) => [d._id, d._rev]));
  const since = context.meta.get('since');
  if (!options.trustStored || !since) return { members, changed: [...members.keys()], now: index.now };

  const changed = new Set<string>();
  for (const [id, rev] of members) {
    if ((context.store.get(id)?.data as { _rev?: string } | undefined)?._rev !== rev) changed.add(id);
  }
  const written = await fetch<string[]>(updatedSinceQuery, { since });
  const sources = new Set([...written, ...options.alsoChanged]);
  // Beyond this, following references costs more than fetching every member.
  if (sources.size > MAX_SOURCES) return { members, changed: [...members.keys()], now: index.now };
  // A story shows data two documents away (story → quote → speaker): follow
  // references back from what changed, then take the members among them.
  let frontier = [...sources];
  for (let depth = 0; depth < REFERENCE_DEPTH && frontier.length; depth++) {
    const referrers = await fetch<string[]>(referrersQuery, { ids: frontier });
    frontier = referrers.filter((id) => !sources.has(id));
    for (const id of frontier) sources.add(id);
  }
  if (sources.size) {
    for (const id of await fetch<string[]>(referencingQuery(options.query), { ...options.params, ids: [...sources] })) {
      changed.add(id);
    }
  }
  return { members, changed: [...changed], now: index.now };
}

/** How far a member's data reaches through references (story → quote → person → portrait asset). */
const REFERENCE_DEPTH = 3;
const MAX_SOURCES = 500;
