// maxBodyBytes bounds one request body; the budget bounds all of them held at
// once. Anonymous clients that each sent most of a large body and stalled
// (eight of 90 MB to a telemetry beacon) held 0.75 GB in the lake for as long
// as they kept their connections open.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

const KB = 1024;
let t: TestLake;

beforeAll(async () => {
  t = await startTestLake({ maxBodyBytes: 1024 * KB, maxBufferedBodyBytes: 2048 * KB });
});
afterAll(() => t.close());

/** A client that sends `sent` bytes of a 1 MB beacon body, then nothing more. */
async function stalled(sent: number): Promise<Socket> {
  const { port } = new URL(t.lake.url);
  const socket = connect(Number(port), '127.0.0.1');
  socket.on('error', () => {});
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`POST /v1/intake/batch HTTP/1.1\r\nhost: lake\r\ncontent-length: ${1024 * KB}\r\n\r\n`);
  await new Promise((resolve) => socket.write(Buffer.alloc(sent, 'x'), resolve));
  return socket;
}

const query = () =>
  t.fetch('/v2025-02-19/data/query/production', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'length($pad)', params: { pad: 'x'.repeat(600 * KB) } }),
  });

describe('request bodies held at once', () => {
  it('past the budget, a body is refused with a 503 saying to retry, until the held ones are done', async () => {
    const clients = [await stalled(900 * KB), await stalled(900 * KB)];
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await query();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: { description: string } }).error.description).toBe(
      'The lake is already holding as many bytes of request bodies as it may; this one was refused',
    );
    for (const client of clients) client.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const answered = await query();
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { result: number }).result).toBe(600 * KB);
  });
});
