import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createToken, openDatabase } from '../../lake/index.ts';
import { lakeClient, tempDir } from '../helpers/lake.ts';

const dataDir = tempDir('lake-durability-');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `node scripts/lake.ts` as the build does and reads its "listening" line. */
async function spawnLake(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['scripts/lake.ts'], {
    env: { ...process.env, LAKE_DIR: dataDir, LAKE_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`lake exited early (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const event = JSON.parse(line) as { event: string; url: string };
      if (event.event === 'listening') resolve(event.url);
    });
  });
  return { child, url };
}

function clientFor(url: string, token: string) {
  return lakeClient({ url, projectId: 'local', defaultDataset: 'production' }, { token, maxRetries: 0 });
}

describe('durability', () => {
  it('every acknowledged transaction survives kill -9', async () => {
    const db = openDatabase(dataDir);
    const { token } = createToken(db, { name: 'durability', role: 'editor' });
    db.close();
    const first = await spawnLake();
    const client = clientFor(first.url, token);
    const acknowledged = new Map<string, string>();
    // A patch the lake may have committed when it died, before answering: the
    // document is then newer than its acknowledged revision, which is no loss.
    const unanswered = new Set<string>();
    let stop = false;
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const id = `doc-${lane}-${i}`;
        try {
          const doc = await client.create({ _id: id, _type: 'note', lane, i, body: 'x'.repeat(200) });
          acknowledged.set(id, doc._rev);
          if (i % 3 === 0) {
            unanswered.add(id);
            const patched = await client.patch(id).inc({ i: 1000 }).commit();
            acknowledged.set(id, patched._rev);
            unanswered.delete(id);
          }
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const lanes = [0, 1, 2, 3].map(writer);
    // Kill mid-stream once a good number of writes are acknowledged, however
    // slow the machine is: the test is about what survives, not how fast.
    while (acknowledged.size < 50) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(lanes);
    expect(acknowledged.size).toBeGreaterThanOrEqual(50);

    const second = await spawnLake();
    const stored = await clientFor(second.url, token).fetch<{ _id: string; _rev: string; i: number }[]>(
      '*[_type == "note"]{_id, _rev, i}',
      {},
      { perspective: 'raw' },
    );
    const byId = new Map(stored.map((doc) => [doc._id, doc]));
    const lost = [...acknowledged].filter(([id, rev]) => {
      const doc = byId.get(id);
      if (doc?._rev === rev) return false;
      return !(doc && unanswered.has(id) && doc.i >= 1000);
    });
    expect(lost).toEqual([]);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  });
});
