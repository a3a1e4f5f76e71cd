import type { RenderSlots } from './assets/render-slots.ts';
import type { VariantCache } from './assets/variant-cache.ts';
import type { Principal } from './auth/roles.ts';
import type { QueryLimits } from './groq/query-limits.ts';
import type { RequestContext } from './http/request-context.ts';
import type { ListenerHub } from './listen/listener-hub.ts';
import type { LakeStore } from './store/lake-store.ts';

/** What every route handler gets besides the request: the lake's parts and settings. */
export type LakeRuntime = {
  store: LakeStore;
  /** Where the SQLite file, asset originals and rendered variants live. */
  dataDir: string;
  projectId: string;
  /** The base URL asset `url` fields point at (the `publicUrl` option or the listening URL). */
  publicUrl(): string;
  /** Who the request acts as; throws 401 for an unknown token. */
  principal(context: RequestContext): Principal;
  /** Open `data/listen` connections, fed from the transaction log after each commit. */
  listeners: ListenerHub;
  /** The disk budget of rendered image variants. */
  variants: VariantCache;
  /** How many image renders run at once. */
  renders: RenderSlots;
  /** Where a query that repeats a large scan is stopped. */
  queryLimits: QueryLimits;
};
