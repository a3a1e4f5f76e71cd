import { createClient, type SanityClient } from '@sanity/client';
import type { ContentConfig } from './config.ts';

/**
 * The one way the site reads content. Always the published perspective: the
 * site never shows drafts, whatever the token could see.
 */
export function contentClient(config: ContentConfig): SanityClient {
  return createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiHost: config.apiHost,
    apiVersion: config.apiVersion,
    token: config.token,
    useProjectHostname: config.useProjectHostname,
    useCdn: false,
    perspective: 'published',
  });
}
