import { describe, expect, it } from 'vitest';
import { renderPortableText } from '../../../../site/lib/portable-text/index.ts';
import { annotated, block, link, options, span } from './build-body.ts';

const linkHtml = (href: string, extra: Partial<typeof options> = {}) =>
  renderPortableText([annotated('See ', 'this', '.', link(href))], { ...options, ...extra }).html;

describe('links', () => {
  it.each([
    ['an off-site https link', 'https://www.kaspersky.com/', ' rel="noopener noreferrer"'],
    ['an off-site http link', 'http://example.org/a?b=1&c=2', ' rel="noopener noreferrer"'],
    ['a site path', '/story/stuxnet', ''],
    ['an absolute link to the site itself', 'https://news.example/story/stuxnet', ''],
    ['a fragment', '#various-measures', ''],
    ['a mail address', 'mailto:tips@news.example', ''],
    ['a phone number', 'tel:+1 212 318 2000', ''],
  ])('links %s, marking it off-site only when it is', (_name, href, rel) => {
    const escaped = href.replaceAll('&', '&#x26;');
    expect(linkHtml(href)).toBe(`<p>See <a href="${escaped}"${rel}>this</a>.</p>`);
  });

  it('treats every absolute http(s) link as off-site when the site origin is not given', () => {
    expect(linkHtml('https://news.example/story/x', { siteUrl: undefined })).toContain('rel="noopener noreferrer"');
  });

  it('lowercases the scheme so the sanitiser and the off-site check agree', () => {
    expect(linkHtml('HTTPS://Example.org/A')).toBe(
      '<p>See <a href="https://Example.org/A" rel="noopener noreferrer">this</a>.</p>',
    );
  });

  it('lets the site rewrite safe links, for example to add a base path', () => {
    const linkFor = (href: string) => (href.startsWith('/') ? `/news${href}` : href);
    expect(linkHtml('/story/stuxnet', { linkFor })).toBe('<p>See <a href="/news/story/stuxnet">this</a>.</p>');
  });

  it('prints the words without a link when the site declines it', () => {
    const result = renderPortableText([annotated('See ', 'this', '.', link('/old'))], {
      ...options,
      linkFor: () => undefined,
    });
    expect(result.html).toBe('<p>See this.</p>');
    expect(result.diagnostics).toEqual([]);
  });

  it('checks the site’s rewrite with the same policy', () => {
    const result = renderPortableText([annotated('See ', 'this', '.', link('/x'))], {
      ...options,
      linkFor: () => 'javascript:alert(1)',
    });
    expect(result.html).toBe('<p>See this.</p>');
    expect(result.diagnostics.map((d) => d.name)).toEqual(['UnsafeLink']);
  });

  it('keeps the outer of two overlapping links, since browsers cannot nest them', () => {
    const outer = link('https://a.example/');
    const inner = link('https://b.example/');
    const body = block([span('both', [outer._key, inner._key])], { markDefs: [outer, inner], _key: 'nest' });
    const result = renderPortableText([body], options);
    expect(result.html.match(/<a /g)).toHaveLength(1);
    expect(result.diagnostics.map((d) => [d.name, d.blockKey])).toEqual([['NestedLink', 'nest']]);
  });

  it('wraps bold words in a link in one anchor', () => {
    const mark = link('https://sanity.io/');
    const body = block([span('app', [mark._key, 'strong']), span(' or site', [mark._key])], { markDefs: [mark] });
    expect(renderPortableText([body], options).html).toBe(
      '<p><a href="https://sanity.io/" rel="noopener noreferrer"><strong>app</strong> or site</a></p>',
    );
  });
});
