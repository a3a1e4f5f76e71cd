// Image variants are cached between builds: the next build, in a new process
// with the same cache directory, neither fetches the original nor encodes it
// again, and still writes every file into its output.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImageVariant } from '../../../../site/lib/images/variant.ts';
import { tempDir } from '../../../helpers/lake.ts';

const SHA1 = 'a'.repeat(40);
const variant: ImageVariant = {
  assetId: `image-${SHA1}-64x48-jpg`,
  rect: [8, 0, 48, 48],
  width: 24,
  height: 24,
  format: 'webp',
};

let server: Server;
const requests: string[] = [];
/** While set, the image host answers 404 (a deleted asset, a host being restarted). */
let failing = false;

beforeAll(async () => {
  const original = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (failing) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'image/jpeg' }).end(original);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  vi.stubEnv('SANITY_API_HOST', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => {
  vi.unstubAllEnvs();
  server?.close();
});

/** One build's worth of encoding, with fresh modules as a new build process has. */
async function build(cacheDir: string) {
  vi.resetModules();
  const { encodeVariants, variantCache } = await import('../../../../site/lib/images/encode-variants.ts');
  const { variantFileName } = await import('../../../../site/lib/images/variant.ts');
  const name = variantFileName(variant);
  const outDir = tempDir('variants-out-');
  const report = await encodeVariants({ variants: new Map([[name, variant]]), outDir, cache: variantCache(cacheDir) });
  return { report, file: join(outDir, '_img', name) };
}

describe('the image variant cache', () => {
  it('fetches and encodes an image once, then reuses it in the next build', async () => {
    const cacheDir = tempDir('variants-cache-');
    const first = await build(cacheDir);
    expect(first.report).toEqual({ total: 1, encoded: 1, fetched: 1 });
    expect(requests).toEqual([`/images/local/production/${SHA1}-64x48.jpg`]);
    const meta = await sharp(first.file).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 24, 24]);

    const second = await build(cacheDir);
    expect(second.report).toEqual({ total: 1, encoded: 0, fetched: 0 });
    expect(requests).toHaveLength(1);
    expect(existsSync(second.file)).toBe(true);
    expect(readFileSync(second.file)).toEqual(readFileSync(first.file));
  });

  it('names each file after its encoding, so a change of quality is a new URL', async () => {
    const { variantFileName, QUALITY } = await import('../../../../site/lib/images/variant.ts');
    expect(variantFileName(variant)).toMatch(new RegExp(`_24x24-q${QUALITY.webp}e\\d+\\.webp$`));
  });

  it('names the image when its original cannot be fetched, and tries again when asked again', async () => {
    vi.resetModules();
    const { variantCache } = await import('../../../../site/lib/images/encode-variants.ts');
    const { variantFileName } = await import('../../../../site/lib/images/variant.ts');
    const cache = variantCache(tempDir('variants-cache-'));
    const name = variantFileName(variant);
    failing = true;
    try {
      const error = await cache.ensure(name, variant).then(
        () => undefined,
        (e: Error & { hint?: string }) => e,
      );
      expect(error?.name).toBe('ImageSourceUnavailable');
      expect(error?.message).toContain(variant.assetId);
      expect(error?.message).toContain('HTTP 404');
      expect(error?.hint).toBeTruthy();
    } finally {
      failing = false;
    }
    const file = await cache.ensure(name, variant);
    expect((await sharp(file).metadata()).format).toBe('webp');
    expect(cache.counts).toEqual({ fetched: 1, encoded: 1 });
  });
});
