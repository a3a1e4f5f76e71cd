// Listeners that never read. Each may hold up to 16 MB of events waiting
// (sse-stream.ts), but nothing bounded how many there were: 100 anonymous
// listeners that never read, and one edit of 3,000 stories, took a lake from
// 0.38 GB to 2.2 GB. Past the hub's budget the slowest are disconnected, their
// connections closed; a listener that reads keeps getting every event.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakeDocument } from '../../lake/index.ts';
import { startTestLake, type TestLake } from '../helpers/lake.ts';
import { readSse } from '../helpers/sse-reader.ts';

const MB = 1024 * 1024;
const STORIES = 800;
let t: TestLake;

beforeAll(async () => {
  t = await startTestLake({ listen: { heartbeatMs: 15_000, maxBufferedBytes: 16 * MB } });
  const docs: LakeDocument[] = [];
  for (let i = 0; i < STORIES; i++) docs.push({ _id: `s${i}`, _type: 'story', body: 'x'.repeat(5_000) });
  t.lake.seed('production', docs);
});
afterAll(() => t.close());

const LISTEN = '/v2025-02-19/data/listen/production?query=*%5B_type%3D%3D%22story%22%5D&includeResult=true';

/** A listener whose client never reads what it is sent. */
async function stalled(): Promise<Socket> {
  const { port } = new URL(t.lake.url);
  const socket = connect(Number(port), '127.0.0.1');
  socket.on('error', () => {});
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`GET ${LISTEN} HTTP/1.1\r\nhost: lake\r\n\r\n`);
  socket.pause();
  return socket;
}

describe('listeners that never read', () => {
  it('are disconnected, slowest first, once their events pass the budget; a reading listener is kept', async () => {
    const abort = new AbortController();
    // A reading listener as the Studio's are: on the documents open, so little waits for it.
    const one = '/v2025-02-19/data/listen/production?query=*%5B_id%3D%3D%22s0%22%5D&includeResult=true';
    const reading = readSse((await t.fetch(one, { signal: abort.signal })).body as ReadableStream, abort);
    await reading.next((frame) => 'event' in frame && frame.event === 'welcome');
    const slow = await Promise.all(Array.from({ length: 10 }, stalled));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.lake.openListeners()).toBe(11);
    // Megabytes of events for each listener, under the 16 MB one listener may hold, 10 listeners over the budget.
    await t.editor.mutate([{ patch: { query: '*[_type == "story"]', set: { edited: true } } }]);
    const event = await reading.next((frame) => 'event' in frame && frame.event === 'mutation', 10_000);
    expect((event as { data: { result: { edited: boolean } } }).data.result.edited).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const open = t.lake.openListeners();
    expect(open).toBeGreaterThanOrEqual(1);
    expect(open).toBeLessThanOrEqual(5);
    // A disconnected listener's connection is closed too: once its client reads what it was sent, it
    // sees the end (and an EventSource reconnects) instead of silence on a connection the lake keeps.
    const closed = await Promise.all(slow.map((socket) => endOf(socket, 5_000)));
    expect(closed.filter(Boolean)).toHaveLength(11 - open);
    reading.close();
    for (const socket of slow) socket.destroy();
  });
});

/** Reads what `socket` was sent; true if the lake then closes it within `ms`. */
function endOf(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.resume();
  });
}
