// Reads documents from the content host in pages, asking for the next page
// while the caller works on the current one, so the host and the build
// overlap, and neither ever holds the whole collection as one answer.
import type { SanityClient } from '@sanity/client';
import { newsroomError } from '../errors.ts';
import type { ContentConfig } from '../sanity/config.ts';

export type Doc = Record<string, unknown>;

export type ContentFetcher = <T>(query: string, params: Record<string, unknown>) => Promise<T>;

/** @sanity/client's fetch, with failures turned into the build's named errors. */
export function contentFetcher(client: SanityClient, config: ContentConfig, collection: string): ContentFetcher {
  return <T>(query: string, params: Record<string, unknown>) =>
    client.fetch<T>(query, params).catch((cause: unknown) => {
      throw contentError(cause, config, collection);
    });
}

/**
 * The named error for a failed fetch. A wrong SANITY_DATASET or SANITY_TOKEN
 * is said as such: the host answers those with 404 and 401/403, and "the
 * query may not match the lake" would send the operator to the wrong place.
 */
function contentError(cause: unknown, config: ContentConfig, collection: string): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  const status = (cause as { statusCode?: unknown } | undefined)?.statusCode;
  const unreachable = hostUnreachable(cause, config);
  if (unreachable) return unreachable;
  if (status === 404 && /dataset/i.test(message))
    return newsroomError('ContentDatasetMissing', config.dataset, config.apiHost, message);
  if (status === 401 || status === 403)
    return newsroomError(
      'ContentTokenRefused',
      config.apiHost,
      config.token ? 'the token in SANITY_TOKEN' : 'no token',
      message,
    );
  return newsroomError('ContentQueryFailed', collection, message);
}

/**
 * ContentHostUnreachable for a request the host never answered (@sanity/client
 * says only "fetch failed"), naming the host; undefined for any other failure.
 * The maintenance commands that write to the host use it too.
 */
export function hostUnreachable(cause: unknown, config: Pick<ContentConfig, 'apiHost'>): Error | undefined {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (!/ECONNREFUSED|ENOTFOUND|fetch failed|socket hang up/i.test(message)) return undefined;
  return newsroomError('ContentHostUnreachable', config.apiHost, message);
}

/** Runs `query` (which takes `$ids`) for `ids` in slices of `pageSize`, one slice ahead. */
export async function* fetchByIds(
  fetch: ContentFetcher,
  query: string,
  params: Record<string, unknown>,
  ids: readonly string[],
  pageSize: number,
): AsyncGenerator<Doc[]> {
  const page = (start: number) =>
    start < ids.length ? fetch<Doc[]>(query, { ...params, ids: ids.slice(start, start + pageSize) }) : undefined;
  let pending = page(0);
  for (let start = 0; pending; start += pageSize) {
    const docs: Doc[] = await pending;
    pending = page(start + pageSize);
    yield docs;
  }
}
