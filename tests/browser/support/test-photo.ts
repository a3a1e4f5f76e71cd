// A photo file to upload, made with sharp so no binary fixture is needed.
import { join } from 'node:path';
import sharp from 'sharp';
import { tempDir } from '../../helpers/site-build.ts';

export async function testPhoto(name: string, options: { width: number; height: number; color: string }) {
  const path = join(tempDir('newsroom-photo-'), name);
  const image = sharp({
    create: { width: options.width, height: options.height, channels: 3, background: options.color },
  });
  await (name.endsWith('.png') ? image.png() : image.jpeg()).toFile(path);
  return path;
}
