import { describe, expect, it } from 'vitest';
import { slugify } from '../../schemas/slugify.ts';

describe('slugify', () => {
  it.each([
    // Latin: diacritics come off, apostrophes vanish (unchanged behaviour).
    ['Iran’s nuclear talks', 'irans-nuclear-talks'],
    ['Café Müller, São Paulo', 'cafe-muller-sao-paulo'],
    // Latin letters that are not accented letters get their ASCII spelling, not dropped.
    ['Søren Ødegård', 'soren-odegard'],
    ['Łukasz Wałęsa', 'lukasz-walesa'],
    ['Straße der Ærø', 'strasse-der-aero'],
    ['Þóra Ðurić, Œuvre, Işık', 'thora-duric-oeuvre-isik'],
    // Cyrillic (BGN/PCGN without marks): one letter, one spelling.
    ['Иван Петров', 'ivan-petrov'],
    ['Юрий Гагарин', 'yuriy-gagarin'],
    ['Щукин, Жуков и Хрущёв', 'shchukin-zhukov-i-khrushchev'],
    ['Подъезд Объявлений', 'podezd-obyavleniy'],
    ['Євген Їжакевич', 'yevgen-yizhakevich'],
    ["Вʼячеслав Мар'яна", 'vyacheslav-maryana'],
    // Greek (ELOT 743 without marks), accents and final sigma included.
    ['Ελλάδα', 'ellada'],
    ['ΑΘΗΝΑ', 'athina'],
    ['Νίκος Κουτσούρης', 'nikos-koutsouris'],
    ['Ευρώπη και Αύγουστος', 'evropi-kai-avgoustos'],
    // A diaeresis splits a vowel pair: Ταΰγετος is ta-y-getos.
    ['Ταΰγετος', 'taygetos'],
    // Scripts with no table leave nothing (names get a generated slug instead).
    ['東京', ''],
    ['محمد', ''],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('stays within the length, cutting at a word', () => {
    expect(slugify('Александр Сергеевич Пушкин', 20)).toBe('aleksandr-sergeevich');
  });
});
