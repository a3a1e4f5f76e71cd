// The link policy on its own. Hostile addresses are covered end to end in
// hostile-input.test.ts; this file pins down what editors' real links become.
import { describe, expect, it } from 'vitest';
import { safeHref } from '../../../../site/lib/portable-text/index.ts';

describe('safeHref keeps', () => {
  it.each([
    ['https://www.bloomberg.com/news/articles/2012-05-29/x', 'https://www.bloomberg.com/news/articles/2012-05-29/x'],
    ['http://example.org', 'http://example.org'],
    ['  https://example.org/padded  ', 'https://example.org/padded'],
    ['HTTPS://Example.org/Case', 'https://Example.org/Case'],
    ['https://www.google.com/search?q="exact phrase"', 'https://www.google.com/search?q="exact phrase"'],
    ['https://example.org/a?b=1&c=2#d', 'https://example.org/a?b=1&c=2#d'],
    ["https://en.wikipedia.org/wiki/People's_Mujahedin", "https://en.wikipedia.org/wiki/People's_Mujahedin"],
    ['mailto:tips@news.example?subject=Flame virus', 'mailto:tips@news.example?subject=Flame virus'],
    ['MailTo:tips@news.example', 'mailto:tips@news.example'],
    ['tel:+1 212 318 2000', 'tel:+1 212 318 2000'],
    ['/story/stuxnet-worm', '/story/stuxnet-worm'],
    ['/search?q=a:b', '/search?q=a:b'],
    ['#various-measures', '#various-measures'],
    ['?page=2', '?page=2'],
    ['./related', './related'],
    ['../section/world', '../section/world'],
    ['related-story', 'related-story'],
  ])('%j as %j', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});

describe('safeHref drops', () => {
  it.each([
    ['an empty address', ''],
    ['blanks', '   '],
    ['an unlisted scheme', 'ftp://example.org/file'],
    ['a protocol-relative address', '//evil.example'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['http without a host', 'https://'],
    ['http without slashes', 'https:evil.example'],
    ['a colon in the first path segment', 'a:b/c'],
    ['an encoded colon in the first path segment', 'javascript%3aalert(1)'],
    ['a character reference', 'https://example.org/?a=&lt;b&gt;'],
    ['a non-breaking space', 'https://example.org/\u00a0x'],
    ['an empty mailto', 'mailto:'],
  ])('%s', (_name, href) => {
    expect(safeHref(href)).toBeUndefined();
  });
});
