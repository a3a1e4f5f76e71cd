import { describe, expect, it } from 'vitest';
import { renderPortableText } from '../../../../site/lib/portable-text/index.ts';
import { block, options, span } from './build-body.ts';

const html = (...body: Parameters<typeof renderPortableText>[0]) => renderPortableText(body, options).html;

describe('text block styles', () => {
  it.each([
    ['normal', '<p>Iran denies it.</p>'],
    ['h2', '<h2 id="iran-denies-it">Iran denies it.</h2>'],
    // Alone, a minor subhead follows the headline: it is printed as a subhead.
    ['h3', '<h2 id="iran-denies-it">Iran denies it.</h2>'],
    ['blockquote', '<blockquote><p>Iran denies it.</p></blockquote>'],
  ] as const)('%s', (style, expected) => {
    expect(html(block('Iran denies it.', { style }))).toBe(expected);
  });

  it('reads a block without a style as a paragraph', () => {
    expect(html(block('Plain.', { style: undefined }))).toBe('<p>Plain.</p>');
  });

  it('prints a soft return as a line break', () => {
    expect(html(block('20 Ames Street\nCambridge'))).toBe('<p>20 Ames Street<br>Cambridge</p>');
  });

  it('keeps an empty paragraph, as the reference renderer does', () => {
    expect(html(block([]))).toBe('<p></p>');
  });
});

describe('decorators', () => {
  it.each([
    ['strong', '<strong>w</strong>'],
    ['em', '<em>w</em>'],
    ['code', '<code>w</code>'],
    ['underline', '<u>w</u>'],
    ['strike-through', '<s>w</s>'],
  ])('%s → %s', (mark, expected) => {
    expect(html(block([span('w', [mark])]))).toBe(`<p>${expected}</p>`);
  });

  it('nests marks shared by neighbouring spans around them, not once per span', () => {
    const body = block([span('A word of ', ['strong']), span('warning;', ['strong', 'em']), span(' Sanity.')]);
    expect(html(body)).toBe('<p><strong>A word of <em>warning;</em></strong> Sanity.</p>');
  });
});

describe('subhead ids', () => {
  it('gives a curly-quoted subhead a readable id and lists it', () => {
    const result = renderPortableText([block('‘Various Measures’', { style: 'h2' })], options);
    expect(result.html).toBe('<h2 id="various-measures">‘Various Measures’</h2>');
    expect(result.headings).toEqual([{ id: 'various-measures', text: '‘Various Measures’', depth: 2 }]);
  });

  it('keeps ids unique within a story, in page order', () => {
    const body = [
      block('Reaction', { style: 'h2' }),
      block('Reaction', { style: 'h3' }),
      block('Reaction', { style: 'h2' }),
    ];
    expect(renderPortableText(body, options).headings).toEqual([
      { id: 'reaction', text: 'Reaction', depth: 2 },
      { id: 'reaction-1', text: 'Reaction', depth: 3 },
      { id: 'reaction-2', text: 'Reaction', depth: 2 },
    ]);
  });

  it("never gives a subhead an id the story page's own markup uses", () => {
    const body = ['Main', 'Footer site', 'Corrections heading', 'Related heading'].map((t) =>
      block(t, { style: 'h2' }),
    );
    expect(renderPortableText(body, options).headings.map((h) => h.id)).toEqual([
      'main-1',
      'footer-site-1',
      'corrections-heading-1',
      'related-heading-1',
    ]);
  });

  it('prints minor subheads before the first subhead as subheads, so no level is skipped', () => {
    const body = [
      block('Opening', { style: 'h3' }),
      block('More', { style: 'h3' }),
      block('Next part', { style: 'h2' }),
      block('Detail', { style: 'h3' }),
    ];
    expect(renderPortableText(body, options).headings.map((h) => `${h.depth} ${h.text}`)).toEqual([
      '2 Opening',
      '3 More',
      '2 Next part',
      '3 Detail',
    ]);
  });

  it('does not carry ids over from the story rendered before', () => {
    const body = [block('Reaction', { style: 'h2' })];
    renderPortableText(body, options);
    expect(renderPortableText(body, options).headings[0]?.id).toBe('reaction');
  });

  it('names a subhead without letters "section"', () => {
    const body = [block('* * *', { style: 'h2' }), block('—', { style: 'h2' })];
    expect(renderPortableText(body, options).headings.map((h) => h.id)).toEqual(['section', 'section-1']);
  });

  it('leaves out an empty subhead and says so', () => {
    const result = renderPortableText([block('  ', { style: 'h2', _key: 'blank' }), block('Text.')], options);
    expect(result.html).toBe('<p>Text.</p>');
    expect(result.headings).toEqual([]);
    expect(result.diagnostics.map((d) => [d.name, d.blockKey])).toEqual([['EmptyHeading', 'blank']]);
  });
});
