// Story cards are built as hast and printed once per story and form: what a
// reader of a listing sees must not depend on that. Words an editor typed stay
// words, a story's language reaches its card, and a section's own page does
// not repeat its name on every card.
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { type CardStory, storyCardHtml } from '../../../../site/lib/cards/story-card.ts';

const story = (fields: Partial<CardStory> = {}): CardStory => ({
  headline: 'Port strike ends',
  slug: { current: 'port-strike-ends' },
  dek: 'Dockers return after six days.',
  publishedAt: '2026-12-06T20:00:00Z',
  section: { name: 'Business' },
  ...fields,
});

const card = (s: CardStory, form?: Parameters<typeof storyCardHtml>[1]) =>
  fromHtml(storyCardHtml(s, form), { fragment: true });

describe('a story card', () => {
  it('keeps markup an editor typed as text', () => {
    const hostile = story({
      headline: '<script>alert(1)</script> & "quotes"',
      dek: '<img src=x onerror=alert(1)>',
      section: { name: '</p><b>Business</b>' },
    });
    const tree = card(hostile);
    expect(selectAll('script, img, b', tree)).toHaveLength(0);
    expect(textOf(select('h3 a', tree) ?? tree)).toBe('<script>alert(1)</script> & "quotes"');
    expect(textOf(select('p.dek', tree) ?? tree)).toBe('<img src=x onerror=alert(1)>');
    expect(textOf(select('.section-name', tree) ?? tree)).toBe('</p><b>Business</b>');
  });

  it('links the headline to the story and gives the date', () => {
    const tree = card(story(), { level: 2 });
    expect(select('article.story-card > h2 > a', tree)?.properties.href).toBe('/story/port-strike-ends');
    expect(select('time', tree)?.properties.dateTime).toBe('2026-12-06T20:00:00Z');
  });

  it('marks a story’s headline and dek with its language and direction', () => {
    const tree = card(story({ language: 'fa', headline: 'اعتصاب بندر پایان یافت' }));
    for (const el of [select('h3', tree), select('p.dek', tree)]) {
      expect(el?.properties).toMatchObject({ lang: 'fa', dir: 'rtl' });
    }
  });

  it('names the section unless the card is on the section’s own page, for the same story', () => {
    const s = story();
    expect(textOf(select('.section-name', card(s)) ?? { type: 'root', children: [] })).toBe('Business');
    expect(select('.section-name', card(s, { showSection: false }))).toBeUndefined();
    expect(textOf(select('.section-name', card(s)) ?? { type: 'root', children: [] })).toBe('Business');
  });

  it('has no photo when the story has none, even where the first card would show one', () => {
    const tree = card(story(), { withImage: 'thumb' });
    expect(select('picture', tree)).toBeUndefined();
    expect(select('article', tree)?.properties.className).toEqual(['story-card']);
  });
});
