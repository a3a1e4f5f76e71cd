// npm run deploy [-- <build dir>]: makes a finished build (default dist/) the
// live release, after checking that its pages parse and its links resolve.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultReleaseStore } from './deploy/default-store.ts';
import { deployBuild } from './deploy/deploy-build.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { retention: { type: 'string', default: process.env.NEWSROOM_RETENTION ?? '10' } },
});
const started = performance.now();
try {
  const { manifest, newBlobs } = await deployBuild({
    store: defaultReleaseStore(),
    buildDir: resolve(positionals[0] ?? 'dist'),
    siteOrigin: process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : undefined,
    retention: Number(values.retention),
    onWait: () => console.log('Another deploy to this release store is under way; waiting for it to finish…'),
  });
  const files = Object.keys(manifest.files).length;
  console.log(
    `Release ${manifest.id} is live: ${files} files, ${newBlobs} new, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  const e = error as Error & { hint?: string };
  console.error(e.message);
  if (e.hint) console.error(`What to do: ${e.hint}`);
  process.exitCode = 1;
}
