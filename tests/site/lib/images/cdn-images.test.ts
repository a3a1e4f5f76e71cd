// NEWSROOM_IMAGES=cdn, for content on hosted Sanity: photos link to Sanity's
// image CDN with the editor's crop, and the build encodes no files of its own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { photoOf, referenceBody } from '../portable-text/build-body.ts';

const photo = photoOf(referenceBody());
const hash = photo.asset._id.replace(/^image-/, '').replace(/-(\d+x\d+)-(\w+)$/, '-$1.$2');

async function loadImages() {
  vi.resetModules();
  const images = await import('../../../../site/lib/images/responsive-image.ts');
  const registry = await import('../../../../site/lib/images/variant-registry.ts');
  registry.resetVariants();
  return { ...images, registry };
}

describe('images from Sanity’s CDN', () => {
  beforeEach(() => {
    vi.stubEnv('NEWSROOM_IMAGES', 'cdn');
    vi.stubEnv('SANITY_API_HOST', 'https://api.sanity.io');
    vi.stubEnv('SANITY_PROJECT_ID', 'abc123');
    vi.stubEnv('SANITY_DATASET', 'news');
    vi.stubEnv('SANITY_IMAGE_HOST', undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('links every width and format to cdn.sanity.io and encodes nothing into the build', async () => {
    const { responsiveImage, registry, MODE } = await loadImages();
    expect(MODE).toBe('cdn');
    const image = responsiveImage(photo, { widths: [640, 1280], sizes: '100vw' });
    const urls = [image.src, ...image.srcset.split(', '), ...image.sources.flatMap((s) => s.srcset.split(', '))];
    for (const url of urls) expect(url).toMatch(new RegExp(`^https://cdn\\.sanity\\.io/images/abc123/news/${hash}\\?`));
    expect(image.sources.map((s) => s.srcset.match(/fm=(\w+)/)?.[1])).toEqual(['avif']);
    expect(image.src).toContain('fm=webp');
    expect(image.srcset).toContain(' 640w');
    expect(registry.requiredVariants().size).toBe(0);
  });

  it('keeps the editor’s crop: a 16:9 card asks the CDN for the same region the build would cut', async () => {
    const cropped = { ...photo, crop: { top: 0.1, bottom: 0.1, left: 0.2, right: 0 } };
    const { responsiveImage } = await loadImages();
    const card = responsiveImage(cropped, { widths: [640], sizes: '100vw', aspectRatio: 16 / 9 });
    const url = new URL(card.src);
    expect(url.searchParams.get('w')).toBe('640');
    expect(url.searchParams.get('h')).toBe('360');
    const [x, y, w, h] = (url.searchParams.get('rect') ?? '').split(',').map(Number);
    const { width, height } = photo.asset.metadata.dimensions;
    // Inside the crop, and 16:9 within a pixel.
    expect(x).toBeGreaterThanOrEqual(Math.round(width * 0.2));
    expect(y).toBeGreaterThanOrEqual(Math.round(height * 0.1));
    expect((y ?? 0) + (h ?? 0)).toBeLessThanOrEqual(Math.round(height * 0.9));
    expect(Math.abs((w ?? 0) / (h ?? 1) - 16 / 9)).toBeLessThan(0.01);
    expect(card.width).toBe(640);
    expect(card.height).toBe(360);
  });

  it('keeps the editor’s hotspot in a square card: the region moves toward it, within the photo', async () => {
    const { responsiveImage } = await loadImages();
    const rectOf = (hotspot?: { x: number; y: number; width: number; height: number }) => {
      const card = responsiveImage(
        { ...photo, crop: undefined, hotspot },
        { widths: [320], sizes: '100vw', aspectRatio: 1 },
      );
      return (new URL(card.src).searchParams.get('rect') ?? '').split(',').map(Number);
    };
    const { width, height } = photo.asset.metadata.dimensions;
    expect(width).toBeGreaterThan(height);
    const [centredX] = rectOf();
    const [rightX, , side] = rectOf({ x: 0.95, y: 0.5, width: 0.1, height: 0.1 });
    const [leftX] = rectOf({ x: 0.05, y: 0.5, width: 0.1, height: 0.1 });
    expect(side).toBe(height);
    expect(centredX).toBe(Math.round((width - height) / 2));
    expect(rightX).toBe(width - height);
    expect(leftX).toBe(0);
  });

  it('builds into the site by default', async () => {
    vi.stubEnv('NEWSROOM_IMAGES', undefined);
    const { responsiveImage, registry } = await loadImages();
    const image = responsiveImage(photo, { widths: [640], sizes: '100vw' });
    expect(image.src).toMatch(/^\/_img\/.+\.webp$/);
    // One width in AVIF and WebP.
    expect(registry.requiredVariants().size).toBe(2);
  });
});
