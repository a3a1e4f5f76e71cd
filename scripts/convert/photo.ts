// A paragraph holding only images becomes photo blocks. The image file is
// exported under images/ and referenced the way `sanity dataset export` does;
// the alt text comes from the image's alt, the caption from its title and the
// credit from the front matter's `photos` map (Markdown has no credit syntax).
import { basename } from 'node:path';
import type { Image, ImageReference, Paragraph } from 'mdast';
import type { ConvertContext } from './context.ts';
import { type PendingBodyMember, type PendingPhoto, sanityAsset } from './export-shapes.ts';

const isImage = (n: { type: string }): n is Image | ImageReference => n.type === 'image' || n.type === 'imageReference';
const isFiller = (n: Paragraph['children'][number]) => n.type === 'break' || (n.type === 'text' && !n.value.trim());
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ESCAPES = /(?:%[0-9a-f]{2})+/gi;

/**
 * The file path an image address names. Editors escape spaces as %20, but a
 * file may also be named `growth-50%.jpg`, which decodeURI rejects: each run of
 * escapes is decoded on its own and one that is not valid UTF-8 is kept as
 * written, so a stray "%" names the file literally instead of failing the run.
 */
function decodePath(src: string): string {
  return src.replace(ESCAPES, (run) => {
    try {
      return decodeURI(run);
    } catch {
      return run;
    }
  });
}

/** Photo blocks when the paragraph is images only; undefined when it is text. */
export function photoBlocks(node: Paragraph, ctx: ConvertContext): PendingBodyMember[] | undefined {
  const images = node.children.filter(isImage);
  if (images.length === 0) return undefined;
  if (node.children.some((child) => !isImage(child) && !isFiller(child))) ctx.fail('InlineImage', [], images[0]);
  return images.map((image) => ({ _key: ctx.nextBlockKey(), ...photoFromImage(image, ctx) }));
}

function photoFromImage(node: Image | ImageReference, ctx: ConvertContext): PendingPhoto {
  const definition = node.type === 'image' ? node : ctx.definitions.get(node.identifier);
  const src = definition?.url ?? '';
  if (!src || HAS_SCHEME.test(src) || src.startsWith('//')) ctx.fail('RemoteImage', [src || '(no address)'], node);
  const path = decodePath(src);
  const name = basename(path);
  const alt = node.alt?.trim();
  if (!alt) ctx.fail('PhotoAltMissing', [name], node);
  const credit = ctx.photoCredits.get(name);
  if (!credit) ctx.fail('PhotoCreditMissing', [name], node);
  ctx.images.push({ src: path, name, line: node.position?.start.line, column: node.position?.start.column });
  const caption = definition?.title?.trim();
  return { _type: 'photo', _sanityAsset: sanityAsset(name), alt, ...(caption ? { caption } : {}), credit };
}
