// How an import lands in the transaction log (lake/dataset-io/commit-import.ts):
// @sanity/import's bounded batches, one transaction each, committed together.
// Written as one transaction, 10k stories made an 83 MB history line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_BATCH_CHARS } from '../../lake/dataset-io/commit-import.ts';
import { importDataset, LakeStore } from '../../lake/index.ts';
import { startTestLake, type TestLake, tempDir } from '../helpers/lake.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';

const STORIES = 40;
/** About 40 KB each: 40 of them are six or seven transactions' worth. */
const story = (i: number) => ({ _id: `story-${i}`, _type: 'story', n: i, body: 'x'.repeat(40_000) });

type HistoryLine = { id: string; documentIDs: string[]; mutations: { import: Record<string, unknown> }[] };

let work: string;
let file: string;

beforeAll(() => {
  work = tempDir('import-transactions-');
  file = join(work, 'stories.ndjson');
  writeFileSync(file, Array.from({ length: STORIES }, (_, i) => JSON.stringify(story(i))).join('\n'));
});

describe('an import into a running lake', () => {
  let t: TestLake;
  let receiver: WebhookReceiver;
  const events: Record<string, unknown>[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestLake();
    t.lake.webhooks.add({
      name: 'publisher',
      url: receiver.url,
      rule: { filter: '_type == "story"', projection: '{_id}' },
    });
    const welcome = new Promise<void>((resolve) => {
      t.editor.listen('*[_type == "story"]', {}, { events: ['welcome', 'mutation'] }).subscribe((event) => {
        if (event.type === 'welcome') resolve();
        else events.push(event as unknown as Record<string, unknown>);
      });
    });
    await welcome;
    await t.lake.import(file);
  });

  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  async function history(): Promise<HistoryLine[]> {
    const response = await t.fetch('/v2025-02-19/data/history/production/transactions?effectFormat=mendoza', {
      headers: { authorization: `Bearer ${t.tokens.editor}` },
    });
    const text = await response.text();
    const lines = text.trim().split('\n');
    // A line carries each document's effects (the whole document, for a create): about its batch's size.
    for (const line of lines) expect(line.length).toBeLessThan(IMPORT_BATCH_CHARS * 1.25);
    return lines.map((line) => JSON.parse(line) as HistoryLine);
  }

  /** The documents a line's transaction wrote: history adds each one's absent draft, showing the import as a publish (import-as-publish.ts). */
  const written = (line: HistoryLine) => line.documentIDs.filter((id) => !id.startsWith('drafts.'));

  it('is a run of transactions of at most 256 KB of documents each, in file order', async () => {
    const lines = await history();
    expect(lines.length).toBeGreaterThanOrEqual(6);
    // The log lists a transaction's documents by id; in file order, each batch follows the one before.
    const numbers = lines.map((line) =>
      written(line)
        .map((id) => Number(id.slice('story-'.length)))
        .sort((a, b) => a - b),
    );
    for (const line of lines) {
      expect(line.documentIDs.filter((id) => id.startsWith('drafts.'))).toEqual(
        written(line).map((id) => `drafts.${id}`),
      );
    }
    expect(numbers.flat()).toEqual(Array.from({ length: STORIES }, (_, i) => i));
    expect(lines.map((line) => line.mutations)).toEqual(
      lines.map((line, index) => [
        {
          import: { mode: 'create', documents: written(line).length, assets: 0, batch: index + 1, of: lines.length },
        },
      ]),
    );
  });

  it("gives each document its transaction's id as _rev, which history resolves", async () => {
    const lines = await history();
    const docs = await t.editor.fetch<{ _id: string; _rev: string; _updatedAt: string }[]>('*[_type == "story"]');
    const txOf = new Map(lines.flatMap((line) => written(line).map((id) => [id, line.id])));
    for (const doc of docs) expect(doc._rev).toBe(txOf.get(doc._id));
    expect(new Set(docs.map((doc) => doc._updatedAt)).size).toBe(1);
    const [first] = docs;
    const response = await t.fetch(
      `/v2025-02-19/data/history/production/documents/${first?._id}?revision=${first?._rev}`,
      {
        headers: { authorization: `Bearer ${t.tokens.editor}` },
      },
    );
    expect((await response.json()).documents).toEqual([expect.objectContaining({ _id: first?._id, n: 0 })]);
  });

  it('reaches listeners as the publish it is: each document, and the draft it had none of, counted per transaction', async () => {
    const deadline = Date.now() + 5000;
    while (events.length < 2 * STORIES && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toHaveLength(2 * STORIES);
    const byTransaction = Map.groupBy(events, (event) => event.transactionId as string);
    expect(byTransaction.size).toBe((await history()).length);
    for (const [transactionId, group] of byTransaction) {
      expect(group.map((event) => event.transactionCurrentEvent)).toEqual(group.map((_, index) => index + 1));
      const isDraft = (event: Record<string, unknown>) => String(event.documentId).startsWith('drafts.');
      // The same documents as its history line: each story, and the absent draft a publish deletes.
      expect(group.filter(isDraft).map((event) => event.documentId)).toEqual(
        group.filter((event) => !isDraft(event)).map((event) => `drafts.${event.documentId}`),
      );
      for (const event of group) {
        expect(event).toMatchObject({
          transactionId,
          resultRev: transactionId,
          transition: isDraft(event) ? 'disappear' : 'appear',
        });
        expect(event.transactionTotalEvents).toBe(group.length);
      }
    }
  });

  it('reaches webhooks as one delivery per document, naming its transaction', async () => {
    const received = await receiver.waitFor(STORIES, 10_000);
    const docs = await t.editor.fetch<{ _id: string; _rev: string }[]>('*[_type == "story"]{_id, _rev}');
    const revOf = new Map(docs.map((doc) => [doc._id, doc._rev]));
    for (const request of received) {
      const { _id } = JSON.parse(request.body) as { _id: string };
      expect(request.headers['sanity-transaction-id']).toBe(revOf.get(_id));
    }
  });
});

describe('a failure while writing', () => {
  it('leaves nothing of the import: its transactions are one SQLite transaction', async () => {
    const dir = tempDir();
    const store = new LakeStore(dir);
    // Stands in for a disk that fills up while the last batch is written.
    store.db.exec(
      `CREATE TRIGGER full_disk BEFORE INSERT ON documents WHEN NEW.id = 'story-${STORIES - 1}' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    );
    const notified: unknown[] = [];
    store.onTransaction((event) => notified.push(event));
    const options = { dataset: 'production', dataDir: dir, projectId: 'local' };
    await expect(importDataset(store, file, options)).rejects.toThrow('database or disk is full');
    expect(store.dataset('production')?.documents.size ?? 0).toBe(0);
    expect(store.db.prepare('SELECT count(*) AS n FROM transactions').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(notified).toEqual([]);
    store.close();
  });
});
