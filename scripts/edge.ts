// npm run edge: serve the live release like the CDN edge, on SITE_PORT
// (default 4321), the variable npm start and the README use for the site.
import { defaultReleaseStore } from './deploy/default-store.ts';
import { startEdge } from './edge/edge-server.ts';
import { portVariable } from './support/port-variable.ts';

try {
  // An earlier version read EDGE_PORT; quietly ignoring it would serve on another port than asked.
  if (process.env.EDGE_PORT !== undefined && process.env.SITE_PORT === undefined)
    console.warn('EDGE_PORT is not read: the edge serves on SITE_PORT; set that instead.');
  const edge = await startEdge({
    store: defaultReleaseStore(),
    host: process.env.EDGE_HOST ?? '127.0.0.1',
    port: portVariable('SITE_PORT'),
  });
  console.log(`Edge serving the live release at ${edge.url}/`);
  const stop = () => edge.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  // A busy port or a bad setting is the operator's to fix: one line saying what and how, no stack.
  const e = error as Error & { hint?: string };
  console.error(`The edge cannot start: ${e.message}${e.hint ? ` ${e.hint}` : ''}`);
  process.exitCode = 1;
}
