// npm run publisher: the webhook → build → deploy service on its own, for a
// newsroom whose content is on hosted Sanity (or a lake elsewhere). npm start
// runs the same service beside the embedded lake.
//
//   SANITY_API_HOST, SANITY_PROJECT_ID, SANITY_DATASET  where content is
//   SANITY_TOKEN                                        may write (deployment status)
//   NEWSROOM_WEBHOOK_SECRET                             the webhook's secret (required)
//   PUBLISHER_PORT (default 4400), SITE_URL, NEWSROOM_RELEASES_DIR
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentClient } from '../site/lib/sanity/client.ts';
import { readContentConfig } from '../site/lib/sanity/config.ts';
import { checkSiteEnv } from '../site/lib/site-env.ts';
import { defaultReleaseStore } from './deploy/default-store.ts';
import { checkContentHost } from './publisher/content-host-check.ts';
import { startPublisher } from './publisher/publisher.ts';
import { commandLineOrExit } from './support/command-line.ts';
import { portVariable } from './support/port-variable.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/**
 * The catalog's hint for a missing SANITY_API_HOST is the build's: `npm run
 * build` starts the embedded lake itself. The publisher never does.
 */
const HOST_MISSING_HINT =
  "Set SANITY_API_HOST to where the content is: https://api.sanity.io (with SANITY_PROJECT_ID and SANITY_DATASET) or a running lake's URL. " +
  'To publish from the embedded lake, run `npm start`, which runs the publisher beside it.';
const USAGE = `Usage: node scripts/publisher.ts
  Receives Sanity's webhooks on http://127.0.0.1:PUBLISHER_PORT/webhooks/sanity (default 4400),
  builds the site and deploys it to the release store (NEWSROOM_RELEASES_DIR, default .releases/).
  Needs NEWSROOM_WEBHOOK_SECRET (the webhook's secret), SANITY_API_HOST, SANITY_PROJECT_ID,
  SANITY_DATASET and a SANITY_TOKEN that may write (the Studio's deploy status).`;

// Takes no arguments: `--help` is answered before the settings are checked.
const parsed = commandLineOrExit(() => parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }), USAGE);
if (typeof parsed === 'number') process.exit(parsed);
const secret = process.env.NEWSROOM_WEBHOOK_SECRET;
if (!secret) {
  console.error('NEWSROOM_WEBHOOK_SECRET is not set: the publisher cannot verify webhooks without it.');
  console.error('What to do: set it to the secret of the Sanity webhook that points at this publisher.');
  process.exit(1);
}

try {
  const config = readContentConfig();
  checkSiteEnv();
  // Publishing needs no token on a public dataset; telling editors what is
  // live does (a deployment document per publish). Said once here, rather
  // than only as a permission error after every publish.
  if (!config.token) {
    console.warn(
      'SANITY_TOKEN is not set: the site still publishes, but the Studio’s deploy status is not written.\n' +
        'What to do: set SANITY_TOKEN to a token that may write to the dataset (an Editor token: sanity.io/manage → API → Tokens).',
    );
  }
  const client = contentClient(config).withConfig({ perspective: 'raw' });
  const unanswered = await checkContentHost(client, config);
  if (unanswered) console.warn(`The content host did not answer yet (${unanswered.message}); builds will try again.`);
  const publisher = await startPublisher({
    store: defaultReleaseStore(),
    client,
    secret,
    workDir: join(ROOT, '.cache/publisher/work'),
    cacheDir: join(ROOT, '.cache/publisher/astro'),
    buildEnv: { ...process.env },
    siteOrigin: process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : undefined,
    host: process.env.PUBLISHER_HOST ?? '127.0.0.1',
    port: portVariable('PUBLISHER_PORT'),
  });
  console.log(`Publisher listening for Sanity webhooks at ${publisher.webhooks.url}/webhooks/sanity`);
  publisher.publishNow('start-up');
  const stop = () => publisher.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const e = error as Error & { hint?: string };
  const hint = e.name === 'ContentHostMissing' ? HOST_MISSING_HINT : e.hint;
  console.error(`Publisher failed to start: ${e.message}`);
  if (hint) console.error(`What to do: ${hint}`);
  process.exitCode = 1;
}
