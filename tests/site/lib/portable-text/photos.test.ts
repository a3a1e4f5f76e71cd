import { describe, expect, it } from 'vitest';
import type { ImageRendition } from '../../../../site/lib/portable-text/index.ts';
import { renderPortableText } from '../../../../site/lib/portable-text/index.ts';
import { imageFor, options, photoOf, referenceBody } from './build-body.ts';

const photo = photoOf(referenceBody());
const name = '3f786850e387550fdab836ed7e6dc881de23001b-1200x800-jpg';

describe('inline photos', () => {
  it('is a figure with a lazy, sized image and the caption with its credit line', () => {
    expect(renderPortableText([photo], options).html).toBe(
      '<figure class="photo">' +
        `<img src="/_img/${name}-1280.jpg" alt="Ramin Mehmanparast speaks at a lectern in front of a blue backdrop"` +
        ` width="1200" height="800" srcset="/_img/${name}-640.jpg 640w, /_img/${name}-1280.jpg 1280w"` +
        ' sizes="(min-width: 48rem) 44rem, 100vw" loading="lazy" decoding="async">' +
        '<figcaption><span class="caption">Iran’s Foreign Ministry Spokesman Ramin Mehmanparast told reporters in Tehran,' +
        ' “Illegitimate regimes are producing viruses” and “trying to use the cyber space and this will not be really effective.”</span>' +
        ' <span class="credit">Photographer: <bdi>Atta Kenare</bdi>/<bdi>AFP</bdi>/<bdi>Getty Images</bdi></span>' +
        '</figcaption></figure>',
    );
  });

  it.each([
    [
      'a staff photographer',
      {
        photographer: {
          person: { _id: 'p', _type: 'person' as const, name: 'Jane Doe', slug: { current: 'jane-doe' } },
        },
      },
      'Photographer: <bdi>Jane Doe</bdi>',
    ],
    ['agencies alone', { agencies: ['AFP', 'Getty Images'] }, 'Source: <bdi>AFP</bdi>/<bdi>Getty Images</bdi>'],
  ])('credits %s', (_name, credit, line) => {
    const html = renderPortableText([{ ...photo, caption: undefined, credit }], options).html;
    expect(html).toContain(`<figcaption><span class="credit">${line}</span></figcaption>`);
  });

  it('leaves out srcset and sizes the site does not give', () => {
    const html = renderPortableText([photo], {
      ...options,
      imageFor: () => ({ src: '/a.jpg', width: 3, height: 2 }),
    }).html;
    expect(html).toContain(
      '<img src="/a.jpg" alt="Ramin Mehmanparast speaks at a lectern in front of a blue backdrop" width="3" height="2" loading="lazy" decoding="async">',
    );
  });

  it('hands the site the photo as the query returned it', () => {
    const seen: unknown[] = [];
    renderPortableText([photo], {
      ...options,
      imageFor: (p) => {
        seen.push(p);
        return imageFor(p);
      },
    });
    expect(seen).toEqual([photo]);
  });

  it.each<[string, Partial<ImageRendition>]>([
    ['a data: src', { src: 'data:image/png;base64,iVBORw0KGgo=' }],
    ['a javascript: src', { src: 'javascript:alert(1)' }],
    ['a data: srcset candidate', { srcset: '/a.jpg 1x, data:image/png;base64,AAAA 2x' }],
  ])('leaves out a photo whose imageFor gives %s, naming the block', (_name, bad) => {
    const result = renderPortableText([photo], { ...options, imageFor: (p) => ({ ...imageFor(p), ...bad }) });
    expect(result.html).toBe('');
    expect(result.diagnostics.map((d) => [d.name, d.blockKey, d.blockType])).toEqual([
      ['BlockRenderFailed', 'k0001', 'photo'],
    ]);
  });

  it('reads CDN srcset URLs that contain commas', () => {
    const srcset = 'https://cdn.example/w_640,h_427/a.jpg 640w,https://cdn.example/w_1280,h_853/a.jpg 1280w';
    const result = renderPortableText([photo], { ...options, imageFor: (p) => ({ ...imageFor(p), srcset }) });
    expect(result.diagnostics).toEqual([]);
    expect(result.html).toContain(`srcset="${srcset}"`);
  });
});
