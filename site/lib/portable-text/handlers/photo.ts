// `photo` → `<figure class="photo"><img …><figcaption><span class="caption">…</span>
// <span class="credit">Photographer: …</span></figcaption></figure>`. The site's
// imageFor decides the files; the credit line comes from the schema's own
// formatter so the page prints it exactly as the Studio preview does.
import type { ElementContent, Properties } from 'hast';
import { creditLine } from '../../../../schemas/photo-credit.ts';
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

function caption(photo: PhotoMember): ElementContent[] {
  const credit = creditLine({
    photographerName: contributorName(photo.credit?.photographer),
    agencies: photo.credit?.agencies,
  });
  const text = photo.caption?.trim();
  const words = text ? [element('span', { className: [CAPTION_CLASS] }, textWithBreaks(text))] : [];
  const printedCredit = credit
    ? [element('span', { className: [CREDIT_CLASS] }, [{ type: 'text', value: credit }])]
    : [];
  if (words.length === 0 && printedCredit.length === 0) return [];
  const gap: ElementContent[] = words.length > 0 && printedCredit.length > 0 ? [{ type: 'text', value: ' ' }] : [];
  return [element('figcaption', {}, [...words, ...gap, ...printedCredit])];
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
