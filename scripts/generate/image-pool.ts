// A small pool of distinct placeholder photos, drawn once into the export's
// images/ folder and reused across stories (as a newsroom reuses agency photos).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { placeholderJpeg } from './placeholder-image.ts';
import { photoScenes } from './vocabulary.ts';

export interface PoolImage {
  /** The file name under images/. */
  name: string;
  width: number;
  height: number;
  /** What the picture stands in for, used as alt text. */
  scene: string;
}

const SIZES: readonly [number, number][] = [
  [1200, 800],
  [1600, 900],
  [1024, 768],
  [800, 800],
  [900, 1200],
  [1400, 700],
];

export function poolImages(count: number): PoolImage[] {
  return Array.from({ length: count }, (_, i) => {
    const [width, height] = SIZES[i % SIZES.length] ?? [1200, 800];
    const scene = photoScenes[i % photoScenes.length] ?? 'A photo';
    return { name: `photo-${String(i + 1).padStart(2, '0')}.jpg`, width, height, scene };
  });
}

export async function writeImagePool(dir: string, images: readonly PoolImage[]): Promise<void> {
  await mkdir(join(dir, 'images'), { recursive: true });
  await Promise.all(
    images.map(async (image, i) => {
      const jpeg = await placeholderJpeg({ width: image.width, height: image.height, hue: (i * 47) % 360, variant: i });
      await writeFile(join(dir, 'images', image.name), jpeg);
    }),
  );
}
