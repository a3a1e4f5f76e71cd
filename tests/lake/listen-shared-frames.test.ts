// Listeners sent the same event share its frame. Each listener's stream held
// its own Buffer copy of every frame it had not sent yet, so 100 listeners
// that never read and one edit of 800 stories grew a lake by about 1 GB, again
// with each such edit. Measured on a real lake process by its peak memory.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LakeProcess, startLakeProcess } from '../helpers/lake-process.ts';

const MB = 1024 * 1024;
const STORIES = 800;
let lake: LakeProcess;

beforeAll(async () => {
  lake = await startLakeProcess();
  const mutations = Array.from({ length: STORIES }, (_, i) => ({
    create: { _id: `s${i}`, _type: 'story', body: 'x'.repeat(5_000) },
  }));
  const response = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
    method: 'POST',
    headers: { authorization: `Bearer ${lake.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mutations }),
  });
  expect(response.status).toBe(200);
});

afterAll(() => lake.stop());

/** A listener on every story whose client never reads what it is sent. */
async function stalled(): Promise<Socket> {
  const { port } = new URL(lake.url);
  const socket = connect(Number(port), '127.0.0.1');
  socket.on('error', () => {});
  await new Promise((resolve) => socket.once('connect', resolve));
  const query = encodeURIComponent('*[_type == "story"]');
  socket.write(
    `GET /v2025-02-19/data/listen/production?query=${query}&includeResult=true HTTP/1.1\r\nhost: lake\r\n\r\n`,
  );
  socket.pause();
  return socket;
}

describe('listeners that never read', () => {
  it('hold one copy of an edit’s events between them, not one each', async () => {
    const slow = await Promise.all(Array.from({ length: 40 }, stalled));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = lake.peakMemory();
    const edit = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [{ patch: { query: '*[_type == "story"]', set: { edited: true } } }] }),
    });
    expect(edit.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // About 8 MB of events per listener: a copy each was hundreds of MB for these 40.
    expect(lake.peakMemory() - before).toBeLessThan(100 * MB);
    for (const socket of slow) socket.destroy();
  });
});
