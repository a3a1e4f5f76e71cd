// @sanity/client for the embedded lake, as the maintenance commands reach it.
import { createClient, type SanityClient } from '@sanity/client';

export function lakeClient(apiHost: string, projectId: string, token: string): SanityClient {
  return createClient({
    projectId,
    dataset: process.env.SANITY_DATASET ?? 'production',
    apiHost,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
    token,
  });
}
