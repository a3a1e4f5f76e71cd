// The static server the browser tests and the Lighthouse benchmark read the
// site through, as a reader who gives up on a big file mid-download meets it.
import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../../scripts/edge/static-server.ts';
import { tempDir } from '../../helpers/lake.ts';

/** How many descriptors this process holds open on `path`. */
function openOn(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

describe('the static server', () => {
  const root = tempDir('static-server-');
  const big = join(root, 'big.bin');
  let server: StaticServer;

  beforeAll(async () => {
    writeFileSync(big, Buffer.alloc(4 * 1024 * 1024, 7));
    writeFileSync(join(root, '404.html'), '<h1>Not found</h1>');
    server = await startStaticServer({ root: () => root });
  });
  afterAll(() => server?.close());

  it('lets go of a file when the reader disconnects mid-download', async () => {
    for (let i = 0; i < 10; i++) {
      await new Promise<void>((resolve, reject) => {
        const request = get(`${server.url}/big.bin`, (res) =>
          res.once('data', () => {
            request.destroy();
            resolve();
          }),
        );
        request.on('error', reject);
      });
    }
    const deadline = Date.now() + 2000;
    while (openOn(big) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(openOn(big)).toBe(0);
    // And it still serves the whole file to the next reader.
    const whole = await fetch(`${server.url}/big.bin`);
    expect((await whole.arrayBuffer()).byteLength).toBe(4 * 1024 * 1024);
  });
});
