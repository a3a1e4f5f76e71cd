// npm run rollback [-- <release id>]: the edge serves the previous release
// (or the one named) from the next request on. Only a pointer changes; the
// Studio's deploy status is told afterwards (see deploy/announce-rollback.ts).
import { parseArgs } from 'node:util';
import { announceRollback } from './deploy/announce-rollback.ts';
import { defaultReleaseStore } from './deploy/default-store.ts';
import { WAITING_FOR_LOCK } from './deploy/deploy-lock.ts';
import { rollback } from './deploy/rollback.ts';
import { commandLineOrExit } from './support/command-line.ts';

const USAGE = `Usage: node scripts/rollback.ts [<release id>]
  Makes the release that was live before the live one was deployed live again,
  or the release named (see \`npm run releases\`).`;

async function main(): Promise<number> {
  const parsed = commandLineOrExit(
    () => parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } }),
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 1) {
    process.stderr.write(`Name one release, not ${parsed.positionals.length}.\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  try {
    // Waits for a deploy under way, whose prune may be deleting the release to go back to.
    const { from, to } = await rollback(defaultReleaseStore(), parsed.positionals[0], {
      onWait: () => console.log(WAITING_FOR_LOCK),
    });
    if (from === to.id) {
      console.log(`Release ${to.id} is already live; nothing changed.`);
      return 0;
    }
    const ms = (performance.now() - started).toFixed(0);
    console.log(`Rolled back from ${from ?? '(none)'} to ${to.id} (deployed ${to.createdAt}) in ${ms} ms.`);
    try {
      console.log(await announceRollback(to, from));
    } catch (error) {
      const e = error as Error & { hint?: string };
      console.warn(`The site is rolled back, but the Studio's deploy status could not be updated: ${e.message}`);
      if (e.hint) console.warn(`What to do: ${e.hint}`);
    }
    return 0;
  } catch (error) {
    const e = error as Error & { hint?: string };
    console.error(e.message);
    if (e.hint) console.error(`What to do: ${e.hint}`);
    return 1;
  }
}

process.exitCode = await main();
