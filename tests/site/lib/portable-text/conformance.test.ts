// The Portable Text reference suites (../shared/conformance/portabletext):
// portabletext/to-html's fixtures against renderPortableText, and the
// toolkit's toPlainText vectors against toPlainText.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BodyMember } from '../../../../site/lib/portable-text/index.ts';
import { renderPortableText, toPlainText } from '../../../../site/lib/portable-text/index.ts';
import { options } from './build-body.ts';
import { canonicalHtml } from './html-tokens.ts';

const suite = new URL('../../../../../shared/conformance/portabletext/', import.meta.url);

const fixtureFile = z.object({
  fixtures: z.record(
    z.string(),
    z.object({
      input: z.unknown(),
      output: z.string().optional(),
      usedBy: z.array(z.object({ test: z.string(), defaultComponents: z.boolean() })).optional(),
    }),
  ),
});
const fixtures = Object.entries(
  fixtureFile.parse(JSON.parse(readFileSync(new URL('to-html-fixtures.json', suite), 'utf8'))).fixtures,
);

/** Fixtures are generic Portable Text, outside our model: exactly what the renderer must survive. */
const asBody = (input: unknown) => (Array.isArray(input) ? input : [input]) as BodyMember[];

// Two rules of ours that the reference renderer has no equivalent for, applied
// by the rehype pass to every story: subheads get ids, off-site links get
// rel="noopener noreferrer". Both are asserted in blocks.test.ts and
// links.test.ts; here they are set aside so the rest of the markup is compared.
const ourAdditions = (tag: string, name: string, value: string) =>
  (/^h[1-6]$/.test(tag) && name === 'id') || (tag === 'a' && name === 'rel' && value === 'noopener noreferrer');

const sameMeaning = (html: string) => canonicalHtml(html, ourAdditions);

/**
 * Where our markup differs on purpose: what we print instead, and why.
 * Everything not listed here must match the reference output in meaning.
 */
const intendedDifferences: Record<string, { ours: string; why: string }> = {
  '009-messy-link-text': {
    why: 'A blockquote holds its words in a <p>: HTML blockquote is flow content, and our CSS styles quoted paragraphs.',
    ours:
      '<blockquote><p><a href="https://sanity.io/">Sanity</a> can be used to power almost any ' +
      '<a href="https://sanity.io/"><em><strong>app</strong> or website</em></a>.</p></blockquote>',
  },
  '015-all-basic-marks': {
    why: 'Underline is <u>, not <span style>: we never emit style attributes. Strike-through is <s> ("no longer accurate"), not <del> (a dated edit).',
    ours:
      '<p><code>code</code><strong>strong</strong><em>em</em><u>underline</u><s>strike-through</s>' +
      '<a href="https://www.sanity.io/">link</a></p>',
  },
  '017-all-default-block-styles': {
    why: 'Our body has the styles normal, h2, h3 and blockquote only (schemas/portable-text.ts): h1 is the headline, so h1 and h4–h6 print as paragraphs with an UnknownBlockStyle diagnostic. Blockquote as in 009.',
    ours:
      '<p>Sanity</p><h2>The outline</h2><h3>More narrow details</h3><p>Even less thing</p><p>Small header</p>' +
      '<p>Lowest thing</p><blockquote><p>A block quote of awesomeness</p></blockquote><p>Plain old normal block</p>' +
      '<p>Default to "normal" style</p>',
  },
  '027-styled-list-items': {
    why: 'The h1 style is outside our schema (see 017), so that item prints as a plain item.',
    ours: "<p>Let's test some of these lists!</p><ul><li>Bullet 1</li><li>Bullet 2</li><li>Bullet 3</li></ul>",
  },
  '061-missing-mark-serializer': {
    why: 'An unknown mark keeps its words without a wrapper and is reported (UnknownMark); an unknown__pt__mark class would be a class no stylesheet knows.',
    ours: '<p>A word of <em>warning;</em> Sanity is addictive.</p>',
  },
  '062-multiple-spaces': {
    why: 'Runs of spaces are printed as typed and collapse like any HTML text: in news copy they are double spaces after a full stop, and &nbsp; would also stop lines from wrapping there.',
    ours: '<p>Multiple spaces in a row     should    be preserved in html output.</p>',
  },
};

const withDefaults = fixtures.filter(([, fixture]) => fixture.usedBy?.some((use) => use.defaultComponents));
const tally = { identical: 0, documented: 0 };

describe('portabletext/to-html fixtures with default components', () => {
  afterAll(() => {
    console.log(
      `Portable Text conformance: ${tally.identical}/${withDefaults.length} fixtures print the reference HTML (in meaning), ` +
        `${tally.documented} print our documented variant.`,
    );
  });

  it('covers the suite', () => {
    expect(withDefaults).toHaveLength(23);
  });

  it.each(withDefaults)('%s', (name, fixture) => {
    const html = renderPortableText(asBody(fixture.input), options).html;
    const difference = intendedDifferences[name];
    if (difference) {
      expect(sameMeaning(html)).toBe(sameMeaning(difference.ours));
      // A difference the renderer no longer has must leave this list.
      expect(sameMeaning(difference.ours)).not.toBe(sameMeaning(fixture.output ?? ''));
      tally.documented += 1;
    } else {
      expect(sameMeaning(html)).toBe(sameMeaning(fixture.output ?? ''));
      tally.identical += 1;
    }
  });

  it('lists differences only for fixtures that exist', () => {
    const names = new Set(withDefaults.map(([name]) => name));
    expect(Object.keys(intendedDifferences).filter((name) => !names.has(name))).toEqual([]);
  });
});

describe('every fixture, including those written for custom components', () => {
  it.each(fixtures)('%s renders without throwing', (_name, fixture) => {
    expect(() => renderPortableText(asBody(fixture.input), options)).not.toThrow();
  });

  it('reports a custom block type by _key and _type instead of printing it', () => {
    const input = fixtures.find(([name]) => name === '050-custom-block-type')?.[1].input;
    const result = renderPortableText(asBody(input), options);
    expect(result.html).toBe('');
    expect(result.diagnostics.map((d) => [d.name, d.blockKey, d.blockType])).toEqual([
      ['UnknownBlockType', '9a15ea2ed8a2', 'code'],
    ]);
  });
});

const vectorFile = z.object({
  vectors: z.array(z.object({ name: z.string(), input: z.unknown(), expected: z.string() })),
});
const vectors = vectorFile.parse(
  JSON.parse(readFileSync(new URL('toolkit-toPlainText-vectors.json', suite), 'utf8')),
).vectors;

describe('toolkit toPlainText vectors', () => {
  it('covers the suite', () => {
    expect(vectors).toHaveLength(8);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    expect(toPlainText(vector.input as BodyMember[])).toBe(vector.expected);
  });
});
