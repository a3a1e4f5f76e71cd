// npm run releases: the kept releases, newest last, and which one is live.
import { parseArgs } from 'node:util';
import { defaultReleaseStore } from './deploy/default-store.ts';
import { commandLineOrExit } from './support/command-line.ts';

const USAGE = `Usage: node scripts/releases.ts
  Lists the kept releases, oldest first; the live one is marked *.`;

function main(): number {
  const parsed = commandLineOrExit(() => parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }), USAGE);
  if (typeof parsed === 'number') return parsed;
  let store: ReturnType<typeof defaultReleaseStore>;
  try {
    store = defaultReleaseStore();
  } catch (error) {
    const e = error as Error & { hint?: string };
    console.error(`${e.message}${e.hint ? `\nWhat to do: ${e.hint}` : ''}`);
    return 1;
  }
  const live = store.liveId();
  const releases = store.list();
  if (releases.length === 0) console.log('No releases yet: run `npm run build && npm run deploy`, or `npm start`.');
  for (const r of releases) {
    const files = Object.keys(r.files).length;
    console.log(
      `${r.id === live ? '* ' : '  '}${r.id}  ${r.createdAt}  ${files} files${r.base ? ` (partial, over ${r.base})` : ''}`,
    );
  }
  return 0;
}

process.exitCode = main();
