import { describe, expect, it } from 'vitest';
import type { BodyMember } from '../../../../site/lib/portable-text/index.ts';
import { QUOTATION_CSS, renderPortableText } from '../../../../site/lib/portable-text/index.ts';
import { annotated, options } from './build-body.ts';

type TextBlock = Extract<BodyMember, { _type: 'block' }>;
type QuotationMark = Extract<NonNullable<TextBlock['markDefs']>[number], { _type: 'quotation' }>;
type PullQuote = Extract<BodyMember, { _type: 'pullQuote' }>;

const mehmanparast = {
  _id: 'person-rm',
  _type: 'person' as const,
  name: 'Ramin Mehmanparast',
  slug: { current: 'ramin-mehmanparast' },
};

function quotation(speaker: NonNullable<QuotationMark['quote']>['speaker'], speakerRole?: string): QuotationMark {
  return {
    _type: 'quotation',
    _key: 'q1',
    quote: { _id: 'quote-1', _type: 'quote', text: 'Illegitimate regimes are producing viruses', speaker, speakerRole },
  };
}

const said = (mark: QuotationMark) =>
  renderPortableText([annotated('“', 'Illegitimate regimes are producing viruses', ',” he said.', mark)], options);

describe('inline attributed quotes', () => {
  it('wraps the quoted words in <q> with the speaker for machines and a tooltip for readers', () => {
    expect(said(quotation({ person: mehmanparast }, 'the ministry’s spokesman')).html).toBe(
      '<p>“<q class="quotation" data-speaker="Ramin Mehmanparast" data-speaker-role="the ministry’s spokesman"' +
        ' title="Ramin Mehmanparast, the ministry’s spokesman" dir="auto">Illegitimate regimes are producing viruses</q>,” he said.</p>',
    );
  });

  it('names a speaker typed as a name, and leaves out a role nobody gave', () => {
    expect(said(quotation({ name: 'Kaspersky Lab' })).html).toContain(
      '<q class="quotation" data-speaker="Kaspersky Lab" title="Kaspersky Lab" dir="auto">',
    );
  });

  it('keeps the text’s own quotation marks and tells the stylesheet to add none', () => {
    const { html } = said(quotation({ name: 'Kaspersky Lab' }));
    expect(html.startsWith('<p>“<q class="quotation"')).toBe(true);
    expect(QUOTATION_CSS).toBe('q.quotation { quotes: none; }');
  });

  it('prints a quote whose quote document is gone without attribution, and says so', () => {
    const dangling = { _type: 'quotation', _key: 'q1', quote: { _ref: 'quote-deleted', _type: 'reference' } };
    const result = said(dangling as unknown as QuotationMark);
    expect(result.html).toBe(
      '<p>“<q class="quotation" dir="auto">Illegitimate regimes are producing viruses</q>,” he said.</p>',
    );
    expect(result.diagnostics.map((d) => d.name)).toEqual(['UnresolvedQuote']);
  });

  it('marks words in another language with that language and its direction', () => {
    const mark = quotation({ person: mehmanparast });
    const persian = { ...mark, quote: { ...mark.quote, text: 'جنگ نرم', language: 'fa' } } as QuotationMark;
    expect(said(persian).html).toContain('<q class="quotation" data-speaker="Ramin Mehmanparast"');
    expect(said(persian).html).toContain('title="Ramin Mehmanparast" lang="fa" dir="rtl">');
    // English words in a Persian story: the language is said even though it is the site's.
    const english = { ...mark, quote: { ...mark.quote, language: 'en' } } as QuotationMark;
    expect(said(english).html).toContain('lang="en" dir="ltr">Illegitimate regimes');
  });
});

describe('pull quotes', () => {
  const pullQuote = (extra: Partial<PullQuote>): PullQuote => ({
    _type: 'pullQuote',
    _key: 'pq',
    text: 'Illegitimate regimes are producing viruses',
    speaker: { person: mehmanparast },
    ...extra,
  });

  it.each<[string, Partial<PullQuote>, string]>([
    [
      'a person with a role',
      { speakerRole: 'the ministry’s spokesman' },
      'Ramin Mehmanparast, the ministry’s spokesman',
    ],
    ['a typed name', { speaker: { name: 'Moshe Yaalon' } }, 'Moshe Yaalon'],
  ])('is a figure with the speaker as caption: %s', (_name, extra, caption) => {
    expect(renderPortableText([pullQuote(extra)], options).html).toBe(
      '<figure class="pull-quote"><blockquote dir="auto"><p>Illegitimate regimes are producing viruses</p></blockquote>' +
        `<figcaption dir="auto">${caption}</figcaption></figure>`,
    );
  });

  it('starts a new paragraph at a blank line', () => {
    expect(renderPortableText([pullQuote({ text: 'One.\n\nTwo,\nthree.' })], options).html).toContain(
      '<blockquote dir="auto"><p>One.</p><p>Two,<br>three.</p></blockquote>',
    );
  });

  it('gives a quote in another language its language and direction, and leaves the caption in the page’s', () => {
    const html = renderPortableText([pullQuote({ text: 'جنگ نرم شکست می‌خورد.', language: 'fa' })], options).html;
    expect(html).toBe(
      '<figure class="pull-quote"><blockquote lang="fa" dir="rtl"><p>جنگ نرم شکست می‌خورد.</p></blockquote>' +
        '<figcaption dir="auto">Ramin Mehmanparast</figcaption></figure>',
    );
  });
});
