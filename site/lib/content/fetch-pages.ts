// Reads a collection's documents from the content host: in one request, or a
// page at a time for a paged query, asking for the next page while the caller
// works on the current one so the host and the build overlap.
import type { SanityClient } from '@sanity/client';
import { type PagedQuery, pageQuery } from '../../../schemas/queries/paged.ts';
import { newsroomError } from '../errors.ts';
import type { ContentConfig } from '../sanity/config.ts';

export type Doc = Record<string, unknown>;

export type FetchPagesOptions = {
  client: SanityClient;
  config: ContentConfig;
  collection: string;
  query: string | PagedQuery;
  params: Record<string, unknown>;
  pageSize: number;
};

export async function* fetchPages(options: FetchPagesOptions): AsyncGenerator<Doc[]> {
  const fetch = (query: string, params: Record<string, unknown>) =>
    options.client.fetch<unknown>(query, params).catch((cause: unknown) => {
      throw contentError(options, cause);
    });
  if (typeof options.query === 'string') {
    const result = await fetch(options.query, options.params);
    yield (Array.isArray(result) ? result : result ? [result] : []) as Doc[];
    return;
  }
  const query = pageQuery(options.query);
  const page = (after: string) => fetch(query, { ...options.params, after, limit: options.pageSize }) as Promise<Doc[]>;
  let pending: Promise<Doc[]> | undefined = page('');
  while (pending) {
    const docs: Doc[] = await pending;
    const last = docs.at(-1)?._id;
    // Ask for the next page before handing this one over.
    pending = docs.length === options.pageSize && typeof last === 'string' ? page(last) : undefined;
    yield docs;
    if (!pending) return;
  }
}

function contentError(options: FetchPagesOptions, cause: unknown) {
  const message = cause instanceof Error ? cause.message : String(cause);
  return /ECONNREFUSED|ENOTFOUND|fetch failed|socket hang up/i.test(message)
    ? newsroomError('ContentHostUnreachable', options.config.apiHost, message)
    : newsroomError('ContentQueryFailed', options.collection, message);
}
