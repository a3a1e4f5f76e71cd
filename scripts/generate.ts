// node scripts/generate.ts --stories N --out <folder> [--seed 42] [--now <ISO date-time>]
//
// Writes a synthetic newsroom (Sanity NDJSON export folder) for load tests,
// benchmarks and demos. The same --seed and --now give byte-identical output;
// --now defaults to today 00:00 UTC, so runs on one day agree.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { generateNewsroom } from './generate/generate-newsroom.ts';
import { commandLineOrExit, isFileSystemError } from './support/command-line.ts';

const USAGE = 'Usage: node scripts/generate.ts --stories N --out <folder> [--seed 42] [--now 2026-01-01T00:00:00Z]';

const argsSchema = z.object({
  // Without the explicit check, a missing --stories is coerced to NaN and reported as "received NaN".
  stories: z
    .string({ error: 'is required (the number of stories to write)' })
    .pipe(z.coerce.number<string>({ error: 'must be a whole number' }).int().min(1).max(1_000_000)),
  out: z.string({ error: 'is required (the folder to write)' }).min(1),
  seed: z.coerce.number().int().default(42),
  now: z.iso.datetime({ offset: true }).optional(),
});

function today(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

async function main(): Promise<number> {
  const command = commandLineOrExit(
    () =>
      parseArgs({
        options: {
          stories: { type: 'string' },
          out: { type: 'string' },
          seed: { type: 'string' },
          now: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      }),
    USAGE,
  );
  if (typeof command === 'number') return command;
  const { help: _, ...values } = command.values;
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    process.stderr.write(`--${issue?.path.join('.')}: ${issue?.message}\n${USAGE}\n`);
    return 2;
  }
  const { stories, out, seed } = parsed.data;
  const now = parsed.data.now ? new Date(parsed.data.now) : today();
  const started = performance.now();
  let summary: Awaited<ReturnType<typeof generateNewsroom>>;
  try {
    summary = await generateNewsroom({
      stories,
      out,
      seed,
      now,
      onProgress: (done, total) => process.stderr.write(`  ${done}/${total} stories\n`),
    });
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    process.stderr.write(
      `Could not write the newsroom into ${out}: ${error.message}.\nGive --out a folder you can write.\n`,
    );
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `Wrote ${out}/data.ndjson: ${summary.stories} stories, ${summary.quotes} quotes, ${summary.people} people, ` +
      `${summary.sections} sections (${summary.documents} documents) and ${summary.images} images in ${seconds}s ` +
      `(seed ${seed}, now ${now.toISOString()}).\n`,
  );
  return 0;
}

process.exitCode = await main();
