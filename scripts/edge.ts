// npm run edge: serve the live release like the CDN edge (EDGE_PORT, default 4321).
import { defaultReleaseStore } from './deploy/default-store.ts';
import { startEdge } from './edge/edge-server.ts';

const edge = await startEdge({
  store: defaultReleaseStore(),
  host: process.env.EDGE_HOST ?? '127.0.0.1',
  port: Number(process.env.EDGE_PORT ?? 4321),
});
console.log(`Edge serving the live release at ${edge.url}/`);
const stop = () => edge.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
