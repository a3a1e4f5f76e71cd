// Rendered image variants are cached on disk, and any client can ask for new
// ones (each width, quality, dpr...). The cache keeps to its byte budget,
// least recently used out first, and a dropped variant is rendered again.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

const BUDGET = 40_000;
let t: TestLake;
let base: string;

beforeAll(async () => {
  t = await startTestLake({ imageCacheBytes: BUDGET });
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3366cc' } })
    .composite([{ input: Buffer.from(await noise()), raw: { width: 400, height: 300, channels: 3 }, blend: 'over' }])
    .jpeg()
    .toBuffer();
  const asset = await t.editor.assets.upload('image', photo);
  base = `/images/local/production/${asset.sha1hash}-400x300.jpg`;
});

afterAll(() => t.close());

/** Pixels that do not compress away, so each variant has some size. */
async function noise(): Promise<Uint8Array> {
  const bytes = new Uint8Array(400 * 300 * 3);
  let seed = 7;
  for (let i = 0; i < bytes.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = seed % 256;
  }
  return bytes;
}

function cachedBytes(): number {
  const dir = join(t.dataDir, 'cache', 'images', 'production');
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

describe('the variant cache', () => {
  it('stays within its budget however many distinct variants are asked for', async () => {
    // Each width was kept for ever: a client walking w=1..8192 filled the disk.
    let rendered = 0;
    for (let w = 100; w < 140; w++) {
      const response = await t.fetch(`${base}?w=${w}&q=90`);
      expect(response.status).toBe(200);
      rendered += (await response.arrayBuffer()).byteLength;
    }
    expect(rendered).toBeGreaterThan(3 * BUDGET);
    expect(cachedBytes()).toBeLessThanOrEqual(BUDGET);
  });

  it('drops the least recently used first, and renders a dropped variant again', async () => {
    const kept = await t.fetch(`${base}?w=139&q=90`);
    expect(kept.headers.get('x-lake-cache')).toBe('hit');
    const dropped = await t.fetch(`${base}?w=100&q=90`);
    expect(dropped.status).toBe(200);
    expect(dropped.headers.get('x-lake-cache')).toBe('miss');
    expect((await sharp(Buffer.from(await dropped.arrayBuffer())).metadata()).width).toBe(100);
  });
});
