// npm start: the whole newsroom on this machine, with no account and no
// network: the content lake (HTTPS on 4443), the Studio (http://localhost:3333)
// and the site (the publisher, which rebuilds on every publish, and the local
// CDN edge on http://localhost:4321), started in that order and stopped in
// reverse on Ctrl-C. Ports: LAKE_PORT, STUDIO_PORT, SITE_PORT, PUBLISHER_PORT;
// data: LAKE_DIR; certificates: LAKE_TLS_DIR; builds: STUDIO_DIST,
// NEWSROOM_PUBLISHER_DIR; releases: NEWSROOM_RELEASES_DIR.
import { parseArgs } from 'node:util';
import { checkSiteEnv } from '../site/lib/site-env.ts';
import { commandLineOrExit } from './support/command-line.ts';
import { assertPortsFree } from './support/free-ports.ts';
import { lakeService } from './support/lake-service.ts';
import { publisherService } from './support/publisher-service.ts';
import { startServices } from './support/services.ts';
import { readStartConfig } from './support/start-config.ts';
import { studioService } from './support/studio-service.ts';

const USAGE = `Usage: node scripts/start.ts
  Starts the lake (https://localhost:4443), the Studio (http://localhost:3333), the publisher
  (http://localhost:4400) and the site's edge (http://localhost:4321), and prints each URL;
  Ctrl-C stops them all. Settings come from the environment: LAKE_PORT, STUDIO_PORT, SITE_PORT,
  PUBLISHER_PORT (0 picks a free port), LAKE_DIR (default .lake), LAKE_TLS_DIR, STUDIO_DIST.`;

async function main(): Promise<number> {
  // Takes no arguments: `npm start --help` (or a typo) must not start the newsroom.
  const parsed = commandLineOrExit(() => parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }), USAGE);
  if (typeof parsed === 'number') return parsed;
  // Listening from the first moment: a Ctrl-C while services start stops the
  // ones that did start, rather than leaving them running.
  const signal = firstSignal();
  const config = readStartConfig();
  // The publisher builds with these: a typo is said now, not as a failed first publish.
  checkSiteEnv();
  await assertPortsFree({
    LAKE_PORT: config.ports.lake,
    STUDIO_PORT: config.ports.studio,
    SITE_PORT: config.ports.site,
    PUBLISHER_PORT: config.ports.publisher,
  });
  const services = [
    lakeService({
      dataDir: config.lakeDir,
      port: config.ports.lake,
      tlsDir: config.tlsDir,
      projectId: config.projectId,
      dataset: config.dataset,
    }),
    studioService({ port: config.ports.studio, outDir: config.studioDist }),
    publisherService({ port: config.ports.site, publisherPort: config.ports.publisher }),
  ];
  let group: Awaited<ReturnType<typeof startServices>>;
  try {
    group = await startServices(services);
  } catch (error) {
    // A Ctrl-C reaches the Studio's build and the seeding import too, which then fail: that is
    // the operator stopping the start (startServices has stopped what had started), not a fault to fix.
    if (!signal.received()) throw error;
    console.log('\nStopped before the newsroom was up.');
    return 130;
  }
  if (!signal.received()) {
    console.log(
      ['', 'The newsroom is up.', ...group.summary.map((line) => `  ${line}`), '', 'Press Ctrl-C to stop.'].join('\n'),
    );
  }
  await signal.promise;
  console.log('\nStopping the newsroom…');
  await group.stop();
  console.log('Stopped.');
  return 0;
}

/**
 * The first SIGINT, SIGTERM or SIGHUP; a second one exits at once. SIGHUP is
 * a closed terminal or a dropped ssh session: left to its default it kills
 * this process outright, and the lake, in a process group of its own, would
 * go on holding its port and its data directory with nothing to stop it.
 */
function firstSignal(): { promise: Promise<NodeJS.Signals>; received: () => boolean } {
  let received = false;
  const promise = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) process.exit(130);
      received = true;
      // With the terminal gone, writing to it fails (EIO); stopping must not.
      if (signal === 'SIGHUP') for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
  });
  return { promise, received: () => received };
}

try {
  process.exitCode = await main();
} catch (error) {
  const e = error as Error & { hint?: string };
  console.error(`\nStart failed: ${e.message}`);
  if (e.hint) console.error(`What to do: ${e.hint}`);
  process.exitCode = 1;
}
