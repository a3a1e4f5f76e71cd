// npm run build [-- --strict] [--out dir]: the static site into dist/,
// needing nothing running beforehand.
import { parseArgs } from 'node:util';
import { offerStoryHistory } from './deploy/story-history.ts';
import { commandLineOrExit } from './support/command-line.ts';
import { buildSite } from './support/site-build.ts';

const USAGE = `Usage: node scripts/build.ts [--strict] [--out dir]
  Builds the static site (default into dist/), starting the embedded lake unless SANITY_API_HOST is set.
  --strict  fail on any invalid document instead of skipping it (NEWSROOM_STRICT=true does the same)`;

async function main(): Promise<number> {
  // A mistyped flag (`--stict`) is said with the usage, not thrown as a stack trace.
  const parsed = commandLineOrExit(
    () =>
      parseArgs({
        options: {
          strict: { type: 'boolean', default: false },
          out: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      }),
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  // Beside a release store, bodies linking to a story's former address link to its page now.
  const forgetHistory = offerStoryHistory();
  try {
    const { outDir, ms } = await buildSite({ strict: parsed.values.strict, outDir: parsed.values.out });
    console.log(`Built the site into ${outDir} in ${(ms / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    const e = error as Error & { hint?: string };
    console.error(`\nBuild failed: ${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`);
    if (e.hint) console.error(`What to do: ${e.hint}`);
    return 1;
  } finally {
    forgetHistory();
  }
}

process.exitCode = await main();
