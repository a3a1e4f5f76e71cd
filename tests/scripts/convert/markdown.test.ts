import { describe, expect, it } from 'vitest';
import { convertSource } from '../../../scripts/convert/convert-source.ts';
import type { Block, PendingBodyMember } from '../../../scripts/convert/export-shapes.ts';
import { blockText, storySource } from '../helpers/story-source.ts';
import { validateExportDocument } from '../helpers/validate-export.ts';

function body(markdown: string, frontMatter: string[] = []): PendingBodyMember[] {
  return convertSource({ source: storySource(markdown, frontMatter), format: 'markdown' }).story.body;
}

function blocks(markdown: string): Block[] {
  return body(markdown).filter((m): m is Block => m._type === 'block');
}

/** Each span as "text[marks]", link and quotation keys shown as the markDef type. */
function marked(block: Block): string[] {
  const defs = new Map(block.markDefs?.map((d) => [d._key, d._type]));
  return block.children.map((s) => `${s.text}[${(s.marks ?? []).map((m) => defs.get(m) ?? m).join(',')}]`);
}

describe('markdown blocks', () => {
  it.each([
    ['# Title', 'h2'],
    ['## Subhead', 'h2'],
    ['### Minor', 'h3'],
    ['#### Deep', 'h3'],
    ['Plain words', 'normal'],
    ['> Said', 'blockquote'],
  ])('%s becomes style %s', (markdown, style) => {
    expect(blocks(markdown)[0]?.style).toBe(style);
  });

  it('turns decorators and links into marks and markDefs', () => {
    const [block] = blocks('A *b* **c _d_** `e` ~~f~~ [g](https://example.com/g).');
    expect(block && marked(block)).toEqual([
      'A []',
      'b[em]',
      ' []',
      'c [strong]',
      'd[strong,em]',
      ' []',
      'e[code]',
      ' []',
      'f[strike-through]',
      ' []',
      'g[link]',
      '.[]',
    ]);
    expect(block?.markDefs).toEqual([expect.objectContaining({ _type: 'link', href: 'https://example.com/g' })]);
  });

  it('resolves reference-style links', () => {
    const [block] = blocks('See [the report][r].\n\n[r]: https://example.com/report');
    expect(block?.markDefs?.[0]).toMatchObject({ _type: 'link', href: 'https://example.com/report' });
  });

  it.each([
    ['two trailing spaces', 'one  \ntwo'],
    ['a backslash', 'one\\\ntwo'],
  ])('keeps a hard break (%s) as a newline in the span text', (_, markdown) => {
    expect(blockText(blocks(markdown)[0] ?? { children: [] })).toBe('one\ntwo');
  });

  it('reads soft breaks (a hard-wrapped paragraph) as spaces, inside marks too', () => {
    const [block] = blocks('The minister\nresigned *on\r\nTuesday* \n  after all.');
    expect(block && marked(block)).toEqual(['The minister resigned []', 'on Tuesday[em]', ' after all.[]']);
  });

  it('reads soft breaks as spaces in the words of a quote document too', () => {
    const result = convertSource({
      source: storySource('“:quote[It will\nfail]{speaker=k}”', ['speakers: {k: {name: Ana Ruiz}}']),
      format: 'markdown',
    });
    expect(result.documents.find((d) => d._type === 'quote')).toMatchObject({ text: 'It will fail' });
    expect(blockText(result.story.body[0] as Block)).toBe('“It will fail”');
  });

  it('flattens nested and ordered lists into listItem and level', () => {
    const list = blocks('- a\n  - b\n    1. c\n- d\n\n1. e');
    expect(list.map((b) => [blockText(b), b.listItem, b.level])).toEqual([
      ['a', 'bullet', 1],
      ['b', 'bullet', 2],
      ['c', 'number', 3],
      ['d', 'bullet', 1],
      ['e', 'number', 1],
    ]);
  });

  it('makes an image paragraph a photo with alt, caption, credit and _sanityAsset', () => {
    const [photo] = body('![A crowd in Tehran](images/crowd.jpg "Protesters gather.")', [
      'photos: {crowd.jpg: {credit: {photographer: {name: Jo Lens}, agencies: [AFP]}}}',
    ]);
    expect(photo).toMatchObject({
      _type: 'photo',
      _sanityAsset: 'image@file://./images/crowd.jpg',
      alt: 'A crowd in Tehran',
      caption: 'Protesters gather.',
      credit: { photographer: { name: 'Jo Lens' }, agencies: ['AFP'] },
    });
    expect(photo).not.toHaveProperty('asset');
  });

  it.each([
    ['growth-50%.jpg', 'growth-50%.jpg'],
    ['a%20b.jpg', 'a b.jpg'],
    ['r%C3%A9%.jpg', 'ré%.jpg'],
    ['x%E9.jpg', 'x%E9.jpg'],
  ])('reads the image address %s as the file %s, a stray "%" literally', (src, name) => {
    const result = convertSource({
      source: storySource(`![A chart](${src})`, [`photos: {"${name}": {credit: {agencies: [AFP]}}}`]),
      format: 'markdown',
    });
    expect(result.images.map((i) => i.name)).toEqual([name]);
  });

  it('makes ::pullquote a pullQuote block with the declared speaker', () => {
    const [pull] = body('::pullquote[We will not stop]{speaker=ana}', [
      'speakers: {ana: {name: Ana Ruiz, role: the mayor}}',
    ]);
    expect(pull).toMatchObject({
      _type: 'pullQuote',
      text: 'We will not stop',
      speaker: { name: 'Ana Ruiz' },
      speakerRole: 'the mayor',
    });
  });

  it('makes a :::pullquote container from its paragraphs', () => {
    const [pull] = body(':::pullquote{speaker=ana}\nFirst.\n\nSecond.\n:::', ['speakers: {ana: {name: Ana Ruiz}}']);
    expect(pull).toMatchObject({ _type: 'pullQuote', text: 'First.\n\nSecond.' });
  });

  it('drops HTML comments and keeps the text around them', () => {
    expect(blocks('Before <!-- editor note --> after').map(blockText)).toEqual(['Before  after']);
  });

  it('drops comments side by side, such as an empty WordPress block, without a warning', () => {
    const result = convertSource({
      source: storySource('<!-- wp:paragraph --> <!-- /wp:paragraph -->\n\nKept.'),
      format: 'markdown',
    });
    expect(result.warnings).toEqual([]);
    expect(result.story.body.map((b) => blockText(b as Block))).toEqual(['Kept.']);
  });
});

describe('deliberate degradations are reported', () => {
  it.each([
    ['a\n\n---\n\nb', 'ThematicBreakDropped', ['a', 'b']],
    ['#### Deep', 'HeadingLowered', ['Deep']],
    ['```\nx = 1\n```', 'CodeBlockFlattened', ['x = 1']],
    ['- [x] done', 'TaskStateDropped', ['done']],
    ['- one\n\n  two', 'ListParagraphSplit', ['one', 'two']],
    ['5. five\n6. six', 'ListNumberingLost', ['five', 'six']],
    ['1. one\n\nBetween.\n\n2. two', 'ListNumberingLost', ['one', 'Between.', 'two']],
  ])('%j warns %s and keeps the text', (markdown, warning, texts) => {
    const result = convertSource({ source: storySource(markdown), format: 'markdown', file: 'story.md' });
    expect(result.warnings.map((w) => w.name)).toEqual([warning]);
    expect(result.warnings[0]?.file).toBe('story.md');
    expect(result.warnings[0]?.line).toBeGreaterThan(4);
    expect(result.story.body.map((b) => blockText(b as Block))).toEqual(texts);
  });

  it('drops raw HTML with a warning under the strip policy', () => {
    const result = convertSource({ source: storySource('Hi <b>there</b>'), format: 'markdown', html: 'strip' });
    expect(result.warnings.map((w) => w.message)).toEqual([
      'HTML was dropped (--strip-html): <b>',
      'HTML was dropped (--strip-html): </b>',
    ]);
    expect(result.story.body.map((b) => blockText(b as Block))).toEqual(['Hi there']);
  });

  it('reports HTML between two comments (WordPress block markup) instead of dropping it as a comment', () => {
    const result = convertSource({
      source: storySource('<!-- wp:paragraph --><p>The minister resigned.</p><!-- /wp:paragraph -->\n\nKept.'),
      format: 'markdown',
      html: 'strip',
    });
    expect(result.warnings.map((w) => [w.name, w.line])).toEqual([
      ['HtmlDropped', 6],
      ['HtmlDropped', 6],
    ]);
    expect(result.story.body.map((b) => blockText(b as Block))).toEqual(['The minister resigned.', 'Kept.']);
  });

  function stripped(markdown: string) {
    const result = convertSource({ source: storySource(markdown), format: 'markdown', html: 'strip' });
    return {
      texts: result.story.body.map((b) => blockText(b as Block)),
      warnings: result.warnings.map((w) => `${w.line}:${w.column} ${w.message.replace(/^.*: /, '')}`),
    };
  }

  it('makes <br> a hard break under the strip policy, without a warning', () => {
    expect(stripped('First line<br>second line<br />third')).toEqual({
      texts: ['First line\nsecond line\nthird'],
      warnings: [],
    });
  });

  it('reads a line ending written as an entity as a space, as a browser does', () => {
    expect(stripped('<p>one&#10;line</p>').texts).toEqual(['one line']);
  });

  it('keeps the words of block HTML as paragraphs under the strip policy', () => {
    expect(stripped('<p>A whole paragraph.</p>')).toEqual({
      texts: ['A whole paragraph.'],
      warnings: ['6:1 <p>', '6:22 </p>'],
    });
  });

  it('splits block HTML at block elements, decodes entities and drops scripts', () => {
    const html =
      '<div>\n<p>One &amp; <b>two</b></p>\n<p>Three<br>\n  four&#8217;s</p>\n<script>track()</script>\n</div>';
    const { texts, warnings } = stripped(html);
    expect(texts).toEqual(['One & two', 'Three\nfour’s']);
    expect(warnings).toContain('7:1 <p>');
    expect(warnings).toContain('10:1 <script>');
    expect(warnings).not.toContain('8:9 <br>');
  });
});

describe('story documents', () => {
  const source = storySource('Body text.', [
    'dek: One line.',
    'bylines: [Jane Doe, {name: Sam Poe, role: Editor}]',
    'updatedAt: 2024-03-02T10:00:00Z',
    'topics: [Cybersecurity]',
    'language: en-GB',
    'related: [another-story]',
    'hero: {file: ../images/h.jpg, alt: A harbour, caption: Boats., credit: {photographer: {person: Ada Shutter}}}',
    'corrections: [{date: 2024-03-03T09:00:00Z, text: An earlier version misspelt a name.}]',
  ]);
  const result = convertSource({ source, format: 'markdown' });

  it('derives ids and the slug from the headline', () => {
    expect(result.story._id).toBe('story-test-story');
    expect(result.story.slug.current).toBe('test-story');
    expect(result.story.section._ref).toBe('section-technology');
    expect(result.documents.map((d) => d._id)).toEqual([
      'story-test-story',
      'section-technology',
      'person-jane-doe',
      'person-sam-poe',
      'person-ada-shutter',
    ]);
  });

  it('fills bylines, hero, related, corrections and the language', () => {
    expect(result.story.bylines?.map((b) => [b.person._ref, b.role])).toEqual([
      ['person-jane-doe', 'Reporter'],
      ['person-sam-poe', 'Editor'],
    ]);
    expect(result.story.heroPhoto).toMatchObject({
      _sanityAsset: 'image@file://./images/h.jpg',
      credit: { photographer: { person: { _ref: 'person-ada-shutter' } } },
    });
    expect(result.story.related?.[0]).toMatchObject({ _ref: 'story-another-story', _weak: true });
    expect(result.story.corrections?.[0]?.text).toBe('An earlier version misspelt a name.');
    expect(result.story.language).toBe('en-GB');
    expect(result.images.map((i) => i.src)).toEqual(['../images/h.jpg']);
  });

  it('produces documents that validate against the content model', () => {
    expect(result.documents.flatMap(validateExportDocument)).toEqual([]);
  });

  it('is deterministic, with _keys unique within the story', () => {
    const again = convertSource({ source, format: 'markdown' });
    expect(JSON.stringify(again.documents)).toBe(JSON.stringify(result.documents));
    const keys = JSON.stringify(result.story).match(/"_key":"[^"]+"/g) ?? [];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
