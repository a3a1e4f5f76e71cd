// @sanity/client for the embedded lake, as the maintenance commands reach it:
// the site's own content client, configured as for any other Sanity host.
import type { SanityClient } from '@sanity/client';
import { contentClient } from '../../site/lib/sanity/client.ts';
import { readContentConfig } from '../../site/lib/sanity/config.ts';

export function lakeClient(apiHost: string, projectId: string, token: string): SanityClient {
  return contentClient(
    readContentConfig({ ...process.env, SANITY_API_HOST: apiHost, SANITY_PROJECT_ID: projectId, SANITY_TOKEN: token }),
  );
}
