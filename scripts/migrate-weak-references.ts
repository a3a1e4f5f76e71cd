// npm run migrate:weak-references: makes a quote's story and a story's related
// stories weak references in documents written before the schema said so
// (scripts/migrate/weak-references.ts says why). Works on hosted Sanity
// (SANITY_API_HOST, SANITY_PROJECT_ID, SANITY_DATASET and a SANITY_TOKEN that
// may write) and on the embedded lake in LAKE_DIR, running or not.
import { parseArgs } from 'node:util';
import type { SanityClient } from '@sanity/client';
import { runningLake, startLake } from '../lake/index.ts';
import { hostUnreachable } from '../site/lib/content/fetch-pages.ts';
import { contentClient } from '../site/lib/sanity/client.ts';
import { readContentConfig } from '../site/lib/sanity/config.ts';
import { migrateWeakReferences } from './migrate/weak-references.ts';
import { commandLineOrExit } from './support/command-line.ts';
import { defaultLakeDir } from './support/embedded-lake.ts';
import { lakeExistsOrComplain } from './support/existing-lake.ts';
import { lakeClient } from './support/lake-client.ts';
import { withLakeToken } from './support/lake-token.ts';

const USAGE = `Usage: node scripts/migrate-weak-references.ts [--data-dir .lake]
  Hosted Sanity when SANITY_API_HOST is set (with a SANITY_TOKEN that may write).`;

async function main(): Promise<number> {
  const parsed = commandLineOrExit(
    () => parseArgs({ options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } }),
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  try {
    const report = await withWritingClient(parsed.values['data-dir'] ?? defaultLakeDir(), migrateWeakReferences);
    if (!report) return 1;
    console.log(
      `Made ${report.references} reference(s) weak: the story of ${report.quotes} quote(s) and the related stories of ${report.stories} story(ies). ` +
        `Made ${report.dangling} reference(s) to documents the dataset does not have weak.`,
    );
    return 0;
  } catch (error) {
    const e = error as Error & { hint?: string };
    console.error(`Migration failed: ${e.message}`);
    if (e.hint) console.error(`What to do: ${e.hint}`);
    return 1;
  }
}

/** Runs `work` with a client that may write; undefined (after saying why) when there is nothing to write to. */
async function withWritingClient<T>(dataDir: string, work: (client: SanityClient) => Promise<T>) {
  if (process.env.SANITY_API_HOST) {
    const config = readContentConfig();
    if (!config.token) {
      console.error('SANITY_TOKEN is not set: the migration writes, so it needs a token that may (an Editor token).');
      return undefined;
    }
    return work(contentClient(config)).catch((error: unknown) => {
      throw hostUnreachable(error, config) ?? error;
    });
  }
  if (!lakeExistsOrComplain(dataDir)) return undefined;
  const running = runningLake(dataDir);
  if (running) {
    return withLakeToken(dataDir, { name: 'migration', role: 'editor' }, (token) =>
      work(lakeClient(running.httpUrl ?? running.url, running.projectId, token)),
    );
  }
  // Not running: a lake for this command alone, on a free loopback port.
  const lake = await startLake({ dataDir });
  const { id, token } = lake.tokens.create({ name: 'migration', role: 'editor' });
  try {
    return await work(lakeClient(lake.url, lake.projectId, token));
  } finally {
    lake.tokens.revoke(id);
    await lake.close();
  }
}

process.exitCode = await main();
