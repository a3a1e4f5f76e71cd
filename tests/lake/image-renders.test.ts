// Image renders run on libuv's thread pool, which every file read of the lake
// also needs. Four large AVIF renders at once held all four threads, and an
// original image (a plain file read) waited for them: 37 s for 5000×5000
// variants. Renders now take at most two threads; files are served meanwhile.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;
let base: string;

beforeAll(async () => {
  t = await startTestLake();
  const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#884422' } })
    .jpeg()
    .toBuffer();
  const asset = await t.editor.assets.upload('image', photo);
  base = `/images/local/production/${asset.sha1hash}-600x400.jpg`;
});

afterAll(() => t.close());

describe('while large variants render', () => {
  it('an original image is still served at once', async () => {
    const renders = [1, 2, 3, 4].map((q) =>
      t.fetch(`${base}?w=2000&h=2000&fit=scale&fm=avif&q=${q}`).then((r) => r.status),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const original = await t.fetch(base);
    expect(original.status).toBe(200);
    await original.arrayBuffer();
    const waited = performance.now() - started;
    expect(await Promise.all(renders)).toEqual([200, 200, 200, 200]);
    // With every pool thread rendering, the read waited for a render to end (seconds).
    expect(waited).toBeLessThan(1000);
  });
});
