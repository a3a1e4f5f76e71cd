// node scripts/cloudfront-kvs-batches.ts <kvs-redirects.json> <listing.json> --out <dir>:
// the UpdateKeys batches that make the CloudFront KeyValueStore hold the
// redirects hosting-headers wrote (scripts/cloudfront/kvs-batches.ts), one
// file each for `aws cloudfront-keyvaluestore update-keys --cli-input-json`.
// The listing is `aws cloudfront-keyvaluestore list-keys --output json`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { updateKeysBatches } from './cloudfront/kvs-batches.ts';
import { commandLineOrExit } from './support/command-line.ts';

const USAGE = `Usage: node scripts/cloudfront-kvs-batches.ts <kvs-redirects.json> <listing.json> --out <dir>
  Writes <dir>/batch-0001.json… (emptied first): the UpdateKeys batches that make the KeyValueStore
  listed in <listing.json> (aws cloudfront-keyvaluestore list-keys --output json) hold exactly the
  redirects of <kvs-redirects.json> (npm run hosting-headers -- <dir> --target cloudfront).`;

function main(): number {
  const parsed = commandLineOrExit(
    () =>
      parseArgs({
        allowPositionals: true,
        options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      }),
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 2 || values.out === undefined) {
    process.stderr.write(`Name the import file, the listing and --out <dir>.\n${USAGE}\n`);
    return 2;
  }
  const [wanted, listing] = positionals.map((file) => resolve(file)) as [string, string];
  let batches: ReturnType<typeof updateKeysBatches>;
  try {
    batches = updateKeysBatches(readJson(wanted), readJson(listing), { wanted, listing });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const out = resolve(values.out);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  batches.forEach((batch, i) => {
    writeFileSync(join(out, `batch-${String(i + 1).padStart(4, '0')}.json`), JSON.stringify(batch));
  });
  const count = (key: 'Puts' | 'Deletes') => batches.reduce((n, batch) => n + (batch[key]?.length ?? 0), 0);
  console.log(
    `Wrote ${batches.length} batch(es) to ${out}: ${count('Puts')} key(s) to put, ${count('Deletes')} to delete`,
  );
  return 0;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} could not be read as JSON: ${(error as Error).message}`);
  }
}

process.exitCode = main();
