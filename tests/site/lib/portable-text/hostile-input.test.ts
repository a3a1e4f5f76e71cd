// Whatever an editor (or anyone with write access to the dataset) types, the
// story page must not run it: no script-capable elements, no event handlers,
// no style attributes, no javascript:/data:/vbscript: URLs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BodyMember } from '../../../../site/lib/portable-text/index.ts';
import { renderPortableText } from '../../../../site/lib/portable-text/index.ts';
import { annotated, block, imageFor, link, options, photoOf, referenceBody, span } from './build-body.ts';
import { type StartTag, tokenize } from './html-tokens.ts';

type TextBlock = Extract<BodyMember, { _type: 'block' }>;
type QuotationMark = Extract<NonNullable<TextBlock['markDefs']>[number], { _type: 'quotation' }>;

// What a story body may contain at all; anything else is a failure.
const allowedTags = new Set([
  'p',
  'h2',
  'h3',
  'blockquote',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'code',
  'u',
  's',
  'a',
  'q',
  'br',
  'figure',
  'figcaption',
  'img',
  'span',
  'bdi',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset']);
// What a browser would make of the value: it drops control characters and spaces before the scheme.
const DANGEROUS_URL = /^(javascript|data|vbscript):/;

function problemsIn(html: string): string[] {
  const problems: string[] = [];
  const tags = tokenize(html).filter((t): t is StartTag => t.kind === 'start');
  for (const tag of tags) {
    if (!allowedTags.has(tag.name)) problems.push(`element <${tag.name}>`);
    for (const [name, value] of tag.attributes) {
      if (name.startsWith('on')) problems.push(`event handler ${name}`);
      if (name === 'style') problems.push('style attribute');
      if (!URL_ATTRIBUTES.has(name)) continue;
      const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) {
        if (DANGEROUS_URL.test(url.replace(/[\p{Cc} ]/gu, '').toLowerCase())) problems.push(`${name}=${url}`);
      }
    }
  }
  return problems;
}

const textOf = (html: string) =>
  tokenize(html)
    .map((t) => (t.kind === 'text' ? t.value : ''))
    .join('');

describe('the checker', () => {
  it.each([
    ['<script>alert(1)</script>', 'element <script>'],
    ['<img src="x" onerror="alert(1)">', 'event handler onerror'],
    ['<p style="color:red">', 'style attribute'],
    ['<a href=" java\tscript:alert(1)">', 'href= java\tscript:alert(1)'],
    ['<img src="/a.jpg" srcset="/a.jpg 1x, data:image/png,x 2x">', 'srcset=data:image/png'],
  ])('finds the problem in %s', (html, problem) => {
    expect(problemsIn(html)).toEqual([problem]);
  });
});

const hostileText = [
  '<script>alert(1)</script>',
  '<style>body { display: none }</style>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)" onclick="alert(1)">click</a>',
  '</p><p style="position:fixed">overlay',
  '<!-- comment --><![CDATA[x]]>',
];

describe.each(hostileText)('text %j', (text) => {
  it.each<[string, BodyMember]>([
    ['in a paragraph', block(text)],
    ['in a subhead', block(text, { style: 'h2' })],
    ['in bold link text', annotated('', text, '', link('https://example.org/'), ['strong'])],
    ['in a list item', block(text, { listItem: 'bullet', level: 1 })],
    [
      'in a pull quote and its speaker',
      { _type: 'pullQuote', _key: 'pq', text, speaker: { name: text }, speakerRole: text },
    ],
    [
      'in a photo alt, caption and credit',
      { ...photoOf(referenceBody()), alt: text, caption: text, credit: { agencies: [text] } },
    ],
  ])('%s is printed as text, never as markup', (_where, member) => {
    const { html } = renderPortableText([member], options);
    expect(problemsIn(html)).toEqual([]);
    expect(textOf(html)).toContain(text);
  });

  it('as a quote speaker and role stays inside the attributes', () => {
    const mark: QuotationMark = {
      _type: 'quotation',
      _key: 'q',
      quote: { _id: 'quote', _type: 'quote', text: 'x', speaker: { name: text }, speakerRole: text },
    };
    const { html } = renderPortableText([annotated('“', 'words', '”', mark)], options);
    expect(problemsIn(html)).toEqual([]);
    const q = tokenize(html).find((t): t is StartTag => t.kind === 'start' && t.name === 'q');
    expect(Object.fromEntries(q?.attributes ?? [])).toMatchObject({ 'data-speaker': text, 'data-speaker-role': text });
  });
});

const hostileHrefs = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '  javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u200bscript:alert(1)',
  'javascript :alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript&#x3A;alert(1)',
  'javascript&colon;alert(1)',
  'javascript&#58alert(1)',
  'javascript%3Aalert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/',
  '///evil.example/',
  '/\\evil.example/',
  '\\\\evil.example\\',
  'https:\\\\evil.example',
  'https:evil.example',
  'http://',
  'mailto:',
];

describe.each(hostileHrefs)('link to %j', (href) => {
  it('keeps the words and drops the link, with a diagnostic naming the block', () => {
    const result = renderPortableText([annotated('Read ', 'this', '.', link(href))], options);
    expect(result.html).toBe('<p>Read this.</p>');
    expect(result.diagnostics.map((d) => d.name)).toEqual(['UnsafeLink']);
  });
});

describe('structure outside the model', () => {
  it.each<[string, unknown]>([
    ['an html block', { _type: 'html', _key: 'h', html: '<script>alert(1)</script>' }],
    ['a block styled "script"', { ...block('x'), style: 'script' }],
    ['a list of type "<script>"', { ...block('x'), listItem: '<script>' }],
    [
      'an annotation of type "style"',
      block([span('x', ['m'])], { markDefs: [{ _type: 'style', _key: 'm', css: 'x' } as never] }),
    ],
    [
      'a link with an onclick field',
      block([span('x', ['m'])], { markDefs: [{ _type: 'link', _key: 'm', href: '/a', onclick: 'alert(1)' } as never] }),
    ],
    ['a span with a style field', block([{ ...span('x'), style: 'color:red' } as never])],
    ['a photo with an onerror field', { ...photoOf(referenceBody()), onerror: 'alert(1)' }],
  ])('%s never reaches the page as markup', (_name, member) => {
    const { html } = renderPortableText([member as BodyMember], options);
    expect(problemsIn(html)).toEqual([]);
  });
});

describe('conformance fixture 040 (link injection)', () => {
  const fixtures = JSON.parse(
    readFileSync(
      new URL('../../../../../shared/conformance/portabletext/to-html-fixtures.json', import.meta.url),
      'utf8',
    ),
  );
  const input = fixtures.fixtures['040-injection-link-href'].input as BodyMember;
  const result = renderPortableText([input], { ...options, imageFor });
  const hrefs = tokenize(result.html).flatMap((t) =>
    t.kind === 'start' && t.name === 'a' ? t.attributes.filter(([n]) => n === 'href').map(([, v]) => v) : [],
  );

  it('prints no live javascript:, data: or unknown-scheme link', () => {
    expect(problemsIn(result.html)).toEqual([]);
    expect(hrefs.filter((href) => /^(javascript|data|pt):/i.test(href))).toEqual([]);
  });

  it('keeps the safe links and every word', () => {
    expect(hrefs).toEqual([
      'https://my.site/javascript:alert("no this shouldnt execute")',
      'mailto:hello@portabletext.org',
      'https://developer.mozilla.org/en-US/docs/Web/API/HTMLElement',
      '"></a><h1 attr="',
    ]);
    expect(textOf(result.html)).toContain(
      'Remove this javascript:// link but keep this one and nuke this base64 data uri',
    );
  });

  it('names each dropped link', () => {
    expect(result.diagnostics.map((d) => `${d.name} ${d.blockKey}`)).toEqual([
      'UnsafeLink R5FvMrjo',
      'UnsafeLink R5FvMrjo',
      'UnsafeLink R5FvMrjo',
    ]);
  });
});
