// `photo` → `<figure class="photo"><img …><figcaption><span class="caption">…</span>
// <span class="credit">Photographer: …</span></figcaption></figure>`. The site's
// imageFor decides the files; the credit line comes from the schema's own
// formatter so the page prints it exactly as the Studio preview does.
import type { ElementContent, Properties } from 'hast';
import { creditParts } from '../../../../schemas/photo-credit.ts';
import { contributorName } from '../../../../schemas/queries/results.ts';
import type { PhotoMember } from '../body-types.ts';
import type { RenderContext } from '../context.ts';
import { element, textWithBreaks } from '../hast-build.ts';
import { safeHref } from '../safe-href.ts';
import { srcsetUrls } from '../srcset.ts';

export const PHOTO_CLASS = 'photo';
export const CREDIT_CLASS = 'credit';
// The same hooks as the hero photo (site/components/PhotoFigure.astro), so one stylesheet serves both.
export const CAPTION_CLASS = 'caption';

function isSafeImageUrl(url: string): boolean {
  const safe = safeHref(url);
  return safe !== undefined && !/^(mailto|tel):/.test(safe);
}

/**
 * "Photographer: Name/Agency", each name in a <bdi>: two names in a
 * right-to-left script, side by side in an English line, would otherwise be
 * laid out as one right-to-left run and read in the wrong order.
 */
function printedCredit(photo: PhotoMember): ElementContent[] {
  const credit = creditParts({
    photographerName: contributorName(photo.credit?.photographer),
    agencies: photo.credit?.agencies,
  });
  if (!credit) return [];
  const names = credit.names.flatMap((name, i): ElementContent[] => [
    ...(i > 0 ? [{ type: 'text' as const, value: '/' }] : []),
    element('bdi', {}, [{ type: 'text', value: name }]),
  ]);
  return [element('span', { className: [CREDIT_CLASS] }, [{ type: 'text', value: `${credit.label}: ` }, ...names])];
}

function caption(photo: PhotoMember): ElementContent[] {
  const text = photo.caption?.trim();
  const words = text ? [element('span', { className: [CAPTION_CLASS] }, textWithBreaks(text))] : [];
  const credit = printedCredit(photo);
  if (words.length === 0 && credit.length === 0) return [];
  const gap: ElementContent[] = words.length > 0 && credit.length > 0 ? [{ type: 'text', value: ' ' }] : [];
  return [element('figcaption', {}, [...words, ...gap, ...credit])];
}

export function renderPhoto(photo: PhotoMember, ctx: RenderContext): ElementContent[] {
  const image = ctx.options.imageFor(photo);
  // imageFor is site code, but a data: or javascript: URL from it would still
  // reach readers, so its output meets the same policy as editors' links.
  const urls = [
    image.src,
    ...(image.srcset ? srcsetUrls(image.srcset) : []),
    ...(image.sources ?? []).flatMap((source) => srcsetUrls(source.srcset)),
  ];
  const unsafe = urls.find((url) => !isSafeImageUrl(url));
  if (unsafe !== undefined)
    throw new Error(`imageFor returned the unsafe image URL ${JSON.stringify(unsafe.slice(0, 80))}`);
  const properties: Properties = {
    src: image.src,
    alt: typeof photo.alt === 'string' ? photo.alt : '',
    width: image.width,
    height: image.height,
  };
  if (image.srcset) properties.srcSet = image.srcset;
  if (image.sizes) properties.sizes = image.sizes;
  properties.loading = 'lazy';
  properties.decoding = 'async';
  const img = element('img', properties, []);
  const sources = (image.sources ?? []).map((source) =>
    element('source', { type: source.type, srcSet: source.srcset, ...(image.sizes ? { sizes: image.sizes } : {}) }, []),
  );
  const media = sources.length > 0 ? element('picture', {}, [...sources, img]) : img;
  return [element('figure', { className: [PHOTO_CLASS] }, [media, ...caption(photo)])];
}
