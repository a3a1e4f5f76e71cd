// npm run edge: serve the live release like the CDN edge, on SITE_PORT
// (default 4321), the variable npm start and the README use for the site.
import { parseArgs } from 'node:util';
import { defaultReleaseStore } from './deploy/default-store.ts';
import { startEdge } from './edge/edge-server.ts';
import { commandLineOrExit } from './support/command-line.ts';
import { portVariable } from './support/port-variable.ts';

const USAGE = `Usage: node scripts/edge.ts
  Serves the live release (npm run deploy, or npm start's publisher) as the CDN edge does,
  on 127.0.0.1:SITE_PORT (default 4321; EDGE_HOST for another address). Releases are read
  from NEWSROOM_RELEASES_DIR (default .releases/).`;

// Takes no arguments: `npm run edge -- --help` (or a typo) must not start serving.
const parsed = commandLineOrExit(() => parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }), USAGE);
if (typeof parsed === 'number') process.exitCode = parsed;
else await serve();

async function serve(): Promise<void> {
  try {
    // An earlier version read EDGE_PORT; quietly ignoring it would serve on another port than asked.
    if (process.env.EDGE_PORT !== undefined && process.env.SITE_PORT === undefined)
      console.warn('EDGE_PORT is not read: the edge serves on SITE_PORT; set that instead.');
    const store = defaultReleaseStore();
    const edge = await startEdge({
      store,
      host: process.env.EDGE_HOST ?? '127.0.0.1',
      port: portVariable('SITE_PORT'),
    });
    const stop = () => edge.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    console.log(`Edge serving the live release at ${edge.url}/`);
    // Until then it answers 503; said here, where the operator looks, with what to do.
    if (!store.liveId())
      console.log(
        `No release is live yet in ${store.root}: run \`npm run build && npm run deploy\`, and the edge serves it at once.`,
      );
  } catch (error) {
    // A busy port or a bad setting is the operator's to fix: one line saying what and how, no stack.
    const e = error as Error & { hint?: string };
    console.error(`The edge cannot start: ${e.message}${e.hint ? ` ${e.hint}` : ''}`);
    process.exitCode = 1;
  }
}
