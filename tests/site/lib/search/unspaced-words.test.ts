// Chinese, Japanese and Thai text split into words for the search index and
// the query, and put back together for the excerpts readers see.
import { describe, expect, it } from 'vitest';
import {
  indexedPart,
  MARK_END,
  MARK_START,
  queryWords,
  spacedWords,
  withoutWordSpaces,
} from '../../../../site/lib/search/unspaced-words.ts';

describe('words of scripts written without spaces', () => {
  it.each([
    ['中国宣布新的网络安全法规', '中国 宣布 新的 网络 安全 法规'],
    ['東京で地震が発生した', '東京 で 地震 が 発生 した'],
    ['ประเทศไทยมีฝนตก', 'ประเทศไทย มี ฝน ตก'],
    ['Harbour levy rises', 'Harbour levy rises'],
    ['Iran’s Mehmanparast: 中国 2026', 'Iran’s Mehmanparast: 中国 2026'],
  ])('splits %s into the same words for the query and the index', (text, words) => {
    expect(queryWords(text)).toBe(words);
    expect(spacedWords(text).split(/\s+/).filter(Boolean)).toEqual(words.split(' '));
  });

  it('leaves text in spaced scripts as it is', () => {
    const persian = 'تحریم‌ها شکست خورده‌اند.';
    expect(indexedPart(persian)).toBe(persian);
  });

  it('gives an excerpt back as written, a Chinese headline kept apart from the body after it', () => {
    // Excerpts make every run of whitespace one space.
    const indexed = [indexedPart('中国宣布新的网络安全法规'), indexedPart('中华人民共和国发布了新的规定。')]
      .join('\n')
      .replace(/\s+/g, ' ')
      .replace('法规', `${MARK_START}法规${MARK_END}`)
      .trim();
    expect(withoutWordSpaces(indexed)).toBe(
      `中国宣布新的网络安全${MARK_START}法规${MARK_END}。中华人民共和国发布了新的规定。`,
    );
  });

  it('keeps the spaces of English excerpts', () => {
    expect(withoutWordSpaces('Harbour levy rises in 2026')).toBe('Harbour levy rises in 2026');
  });

  it('gives a Thai excerpt back with the spaces between its phrases and none between its words', () => {
    const headline = 'ฝนตกหนักในกรุงเทพ';
    const body = 'รัฐบาลไทยประกาศมาตรการใหม่ เพื่อช่วยเหลือเกษตรกร Harbour levy ประเทศไทย';
    const indexed = [indexedPart(headline), indexedPart(body)]
      .join('\n')
      .replace(/\s+/g, ' ')
      .replace('ประกาศ', `${MARK_START}ประกาศ${MARK_END}`)
      .trim();
    expect(indexed.split(' ').length).toBeGreaterThan(12);
    expect(withoutWordSpaces(indexed)).toBe(
      `${headline} รัฐบาลไทย${MARK_START}ประกาศ${MARK_END}มาตรการใหม่ เพื่อช่วยเหลือเกษตรกร Harbour levy ประเทศไทย`,
    );
  });

  it('looks up a Thai word as the reader types it: the phrase mark is no part of it', () => {
    const indexedWords = indexedPart('มาตรการใหม่ เพื่อช่วยเหลือ').trim().split(/\s+/);
    expect(indexedWords).toContain(`ใหม่\u2060`);
    // The index looks words up without what is not a letter (Pagefind's own rule), as queries come.
    expect(indexedWords.map((w) => w.replace(/[^\p{L}\p{M}\p{N}]/gu, ''))).toEqual(
      queryWords('มาตรการใหม่ เพื่อช่วยเหลือ').split(' '),
    );
  });
});
