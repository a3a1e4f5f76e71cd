// Links between stories, as the renderer writes them: a link to a story that
// is not live must lose its <a> whichever way the editor wrote the address,
// or the deploy refuses the release for a dead link; a link to a story whose
// slug changed must lead to its new address, written the same way.
import { describe, expect, it } from 'vitest';
import { linkedStorySlugs, retargetStoryLinks } from '../../../../site/lib/content/story-links.ts';
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
    expect(retargetStoryLinks(html, new Map([['gone', null]]), SITE)).toBe('<p>See the story.</p>');
  });

  it('stays a link while the story is live', () => {
    expect(retargetStoryLinks(html, new Map([['other', null]]), SITE)).toBe(html);
  });

  it('leads to the story’s new slug once its slug changed, keeping the rest of the address', () => {
    const moved = retargetStoryLinks(html, new Map([['gone', 'renamed']]), SITE);
    expect(moved).toBe(html.replace('/story/gone', '/story/renamed'));
    expect(linkedStorySlugs(moved, SITE)).toEqual(['renamed']);
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
    expect(retargetStoryLinks(html, new Map([['gone', null]]), SITE)).toBe(html);
    expect(retargetStoryLinks(html, new Map([['gone', 'renamed']]), SITE)).toBe(html);
  });
});

it('counts a full address as off-site when the site’s address is not known', () => {
  const html = bodyLinking(`${SITE}/story/gone`);
  expect(linkedStorySlugs(html)).toEqual([]);
  expect(linkedStorySlugs(bodyLinking('/story/gone#more'))).toEqual(['gone']);
});
