// Links between stories, as the renderer writes them: a link to a story that
// is not live must lose its <a> whichever way the editor wrote the address,
// or the deploy refuses the release for a dead link.
import { describe, expect, it } from 'vitest';
import { linkedStorySlugs, unlinkStories } from '../../../../site/lib/content/story-links.ts';
import { renderPortableText } from '../../../../site/lib/portable-text/index.ts';
import { annotated, link, options } from '../portable-text/build-body.ts';

const SITE = options.siteUrl as string;
const bodyLinking = (href: string) =>
  renderPortableText([annotated('See ', 'the story', '.', link(href))], options).html;

describe.each([
  ['a path', '/story/gone'],
  ['a fragment', '/story/gone#more'],
  ['a query', '/story/gone?ref=home&from=front'],
  ['a trailing slash', '/story/gone/'],
  ['a trailing slash and a fragment', '/story/gone/#more'],
  ['the site’s full address', `${SITE}/story/gone`],
  ['the site’s full address with a query', `${SITE}/story/gone?ref=home`],
  ['the site’s address in capitals', 'HTTPS://NEWS.EXAMPLE/story/gone'],
])('a link to a story written as %s', (_name, href) => {
  const html = bodyLinking(href);

  it('counts as a link to that story', () => {
    expect(linkedStorySlugs(html, SITE)).toEqual(['gone']);
  });

  it('prints only the words once the story is gone', () => {
    expect(unlinkStories(html, new Set(['gone']), SITE)).toBe('<p>See the story.</p>');
  });

  it('stays a link while the story is live', () => {
    expect(unlinkStories(html, new Set(['other']), SITE)).toBe(html);
  });
});

describe.each([
  ['another site’s story page', 'https://elsewhere.example/story/gone'],
  ['a page below a story', '/story/gone/photos'],
  ['another kind of page', '/topic/gone'],
])('a link to %s', (_name, href) => {
  const html = bodyLinking(href);

  it('is no link to a story, and is never unlinked', () => {
    expect(linkedStorySlugs(html, SITE)).toEqual([]);
    expect(unlinkStories(html, new Set(['gone']), SITE)).toBe(html);
  });
});

it('counts a full address as off-site when the site’s address is not known', () => {
  const html = bodyLinking(`${SITE}/story/gone`);
  expect(linkedStorySlugs(html)).toEqual([]);
  expect(linkedStorySlugs(bodyLinking('/story/gone#more'))).toEqual(['gone']);
});
