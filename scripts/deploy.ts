// npm run deploy [-- <build dir>]: makes a finished build (default dist/) the
// live release, after checking that its pages parse and its links resolve.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultReleaseStore } from './deploy/default-store.ts';
import { deployBuild } from './deploy/deploy-build.ts';
import { WAITING_FOR_LOCK } from './deploy/deploy-lock.ts';
import { commandLineOrExit, directoryOrComplain } from './support/command-line.ts';

const USAGE = `Usage: node scripts/deploy.ts [<build dir>] [--retention <releases>]
  Makes a finished build (default dist/) the live release, after validating it.
  --retention  releases kept for rollback, 1 or more (default NEWSROOM_RETENTION, or 10)`;

async function main(): Promise<number> {
  const parsed = commandLineOrExit(parse, USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    process.stderr.write(`Give one build directory, not ${positionals.length}: ${positionals.join(' ')}\n${USAGE}\n`);
    return 2;
  }
  // An empty NEWSROOM_RETENTION (as .env files leave it) means unset.
  const retention = releaseCount(values.retention ?? (process.env.NEWSROOM_RETENTION || '10'));
  if (retention === undefined) {
    const source = values.retention === undefined ? 'NEWSROOM_RETENTION' : '--retention';
    const given = values.retention ?? process.env.NEWSROOM_RETENTION;
    process.stderr.write(`${source} must be a whole number of releases, 1 or more, not "${given}".\n${USAGE}\n`);
    return 2;
  }
  const buildDir = resolve(positionals[0] ?? 'dist');
  const hint = 'run `npm run build` first, or name the build directory: npm run deploy -- <dir>.';
  if (!directoryOrComplain(buildDir, hint)) return 1;

  const started = performance.now();
  try {
    const { manifest, newBlobs } = await deployBuild({
      store: defaultReleaseStore(),
      buildDir,
      siteOrigin: process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : undefined,
      retention,
      onWait: () => console.log(WAITING_FOR_LOCK),
    });
    const files = Object.keys(manifest.files).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Release ${manifest.id} is live: ${files} files, ${newBlobs} new, in ${seconds} s.`);
    return 0;
  } catch (error) {
    const e = error as Error & { hint?: string };
    console.error(e.message);
    if (e.hint) console.error(`What to do: ${e.hint}`);
    return 1;
  }
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { retention: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}

/** A whole number of releases to keep, at least the live one; `Number('abc')` (NaN) once meant never pruning. */
function releaseCount(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) && Number(text) >= 1 ? Number(text) : undefined;
}

process.exitCode = await main();
