// npm start: build the site from the embedded lake (or the configured host),
// serve it the way the CDN edge will, and print where to look.

import { startStaticServer } from './edge/static-server.ts';
import { buildSite } from './support/site-build.ts';

const port = Number(process.env.SITE_PORT ?? 4321);

try {
  const { outDir } = await buildSite();
  const edge = await startStaticServer({ root: () => outDir, port, host: process.env.SITE_HOST ?? '127.0.0.1' });
  console.log(`\nThe newsroom is up.\n  Site: ${edge.url}/\n\nPress Ctrl-C to stop.`);
  const stop = async () => {
    await edge.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const e = error as Error & { hint?: string };
  console.error(`\nStart failed: ${e.message}`);
  if (e.hint) console.error(`What to do: ${e.hint}`);
  process.exitCode = 1;
}
