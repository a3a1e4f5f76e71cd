// The publisher's first question to the content host, before it waits for
// webhooks: a token the host refuses, or a dataset it does not have, makes
// every build fail, and was said only in the log of the first publish, next
// to lines reading just "Unauthorized". A host that does not answer yet is
// no reason not to start: builds wait for it and try again.
import type { SanityClient } from '@sanity/client';
import { contentFetcher } from '../../site/lib/content/fetch-pages.ts';
import type { ContentConfig } from '../../site/lib/sanity/config.ts';

/** Throws the build's own named error if the host refuses the token or lacks the dataset; the other failures are returned to log. */
export async function checkContentHost(client: SanityClient, config: ContentConfig): Promise<Error | undefined> {
  // A host that swallows the request or refuses the connection is neither
  // waited for nor retried as a build would be: webhooks must be listened for.
  const asking = client.withConfig({ timeout: 10_000, maxRetries: 0 });
  try {
    await contentFetcher(asking, config, 'siteSettings')('count(*[_id == $id])', { id: 'siteSettings' });
    return undefined;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'ContentTokenRefused' || name === 'ContentDatasetMissing') throw error;
    return error as Error;
  }
}
