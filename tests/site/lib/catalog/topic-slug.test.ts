import { describe, expect, it } from 'vitest';
import { topicSlug } from '../../../../site/lib/catalog/topic-slug.ts';

describe('topicSlug', () => {
  it.each([
    ['Artificial Intelligence', 'artificial-intelligence'],
    ['São Paulo', 'sao-paulo'],
    ['Iran’s Economy', 'irans-economy'],
    ['AI', 'ai'],
  ])('spells a Latin topic in ASCII: %j → %j', (topic, slug) => {
    expect(topicSlug(topic)).toBe(slug);
  });

  it.each([['ایران'], ['网络安全'], ['Москва'], ['🔥'], ['中国 2026'], ['۱۴۰۵']])(
    'names %j, which ASCII cannot spell, by a hash of it',
    (topic) => {
      expect(topicSlug(topic)).toMatch(/^topic-[0-9a-f]{12}$/);
    },
  );

  it('gives different topics different slugs, and one topic one slug however it is cased', () => {
    expect(topicSlug('中国 2026')).not.toBe(topicSlug('台湾 2026'));
    expect(topicSlug('中国 2026')).not.toBe(topicSlug('2026'));
    expect(topicSlug('Москва')).toBe(topicSlug('МОСКВА'));
  });
});
