// The durable store underneath the HTTP API: the transaction log's rows and
// the guard against committing from a stale state.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LakeStore } from '../../lake/index.ts';
import { startTestLake, type TestLake, tempDir } from '../helpers/lake.ts';

describe('transaction log', () => {
  let t: TestLake;
  beforeAll(async () => {
    t = await startTestLake();
  });
  afterAll(() => t.close());

  it('records id, time, author, mutations and each document after the transaction', async () => {
    const created = await t.editor.create({ _id: 'logged', _type: 'note', v: 1 });
    const patched = await t.editor.patch('logged').set({ v: 2 }).commit();
    await t.editor.delete('logged');
    await t.lake.close();
    const store = new LakeStore(t.dataDir);
    const rows = store.db
      .prepare(
        `SELECT t.id, t.timestamp, t.author, t.mutations, d.document_id, d.previous_rev, d.after
         FROM transactions t JOIN transaction_documents d ON d.seq = t.seq WHERE d.document_id = 'logged' ORDER BY t.seq`,
      )
      .all() as {
      id: string;
      timestamp: string;
      author: string;
      mutations: string;
      previous_rev: string | null;
      after: string | null;
    }[];
    store.close();
    expect(rows.map((row) => row.id)).toEqual([created._rev, patched._rev, expect.any(String)]);
    expect(rows.map((row) => row.author)).toEqual(['robot-test-editor', 'robot-test-editor', 'robot-test-editor']);
    expect(rows.map((row) => row.previous_rev)).toEqual([null, created._rev, patched._rev]);
    expect(JSON.parse(rows[1]?.mutations ?? '')).toEqual([{ patch: { id: 'logged', set: { v: 2 } } }]);
    expect(JSON.parse(rows[1]?.after ?? '')).toEqual(patched);
    expect(rows[1]?.timestamp).toBe(patched._updatedAt);
    expect(rows[2]?.after).toBeNull();
  });
});

describe('commit', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a transaction prepared from a state that has changed since', () => {
    const store = new LakeStore(dir);
    const base = { dataset: 'production', timestamp: new Date().toISOString(), identity: 'test', mutations: [] };
    const first = { _id: 'x', _type: 'note', _rev: 'r1' };
    store.commit({ ...base, transactionId: 'r1', documents: [{ id: 'x', before: null, after: first }] });
    const stale = () =>
      store.commit({
        ...base,
        transactionId: 'r2',
        documents: [{ id: 'x', before: null, after: { _id: 'x', _type: 'note', _rev: 'r2' } }],
      });
    expect(stale).toThrow('Document "x" changed while the transaction was being prepared');
    expect(store.dataset('production')?.get('x')).toBe(first);
    expect(store.hasTransaction('r2')).toBe(false);
    store.close();
  });
});
