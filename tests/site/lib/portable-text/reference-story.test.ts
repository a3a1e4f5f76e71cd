// The reference article (../shared/seed/000_524019db8ab8aa39.txt) as a story
// body: nine paragraphs and a subhead, an inline photo, a pull quote, attributed
// quotes and links. Its HTML is a golden file: `UPDATE_GOLDEN=1 npx vitest run
// tests/site/lib/portable-text` rewrites it after an intended change.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { renderPortableText } from '../../../../site/lib/portable-text/index.ts';
import { options, referenceBody } from './build-body.ts';

const golden = new URL('../../../fixtures/portable-text/reference-body.html', import.meta.url);
const body = referenceBody();
const rendered = renderPortableText(body, options);

describe('the reference story', () => {
  it('prints the golden HTML', () => {
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, `${rendered.html}\n`);
    expect(`${rendered.html}\n`).toBe(readFileSync(golden, 'utf8'));
  });

  it('renders cleanly', () => {
    expect(rendered.diagnostics).toEqual([]);
  });

  it('lists its subhead with a readable id', () => {
    expect(rendered.headings).toEqual([{ id: 'various-measures', text: '‘Various Measures’', depth: 2 }]);
  });

  it('attributes every inline quote', () => {
    const speakers = [...rendered.html.matchAll(/<q class="quotation" data-speaker="([^"]+)"/g)].map((m) => m[1]);
    expect(speakers).toEqual([
      'Ramin Mehmanparast',
      'Ramin Mehmanparast',
      'Ramin Mehmanparast',
      'Kaspersky Lab',
      'Kaspersky Lab',
      'Moshe Yaalon',
      'Moshe Yaalon',
    ]);
  });

  it('prints the photo credit the way the newsroom does', () => {
    expect(rendered.html).toContain(
      '<span class="credit">Photographer: <bdi>Atta Kenare</bdi>/<bdi>AFP</bdi>/<bdi>Getty Images</bdi></span>',
    );
  });

  it('gives search the words of the text, without caption or pull quote', () => {
    const paragraphs = rendered.plainText.split('\n\n');
    expect(paragraphs).toHaveLength(10);
    expect(paragraphs[0]).toBe(
      'Iran’s Foreign Ministry said cyber-attacks against the Islamic republic are launched by hostile governments as part of a broader “soft war” and will fail.',
    );
    expect(paragraphs[5]).toBe('‘Various Measures’');
  });
});

describe('determinism', () => {
  it('prints the same bytes every time, for equal input, without touching the input', () => {
    const before = structuredClone(body);
    const runs = 300;
    const copies = Array.from({ length: runs }, () => structuredClone(body));
    for (const copy of copies.slice(0, 50)) renderPortableText(copy, options);
    const started = performance.now();
    const outputs = copies.map((copy) => renderPortableText(copy, options).html);
    const perBody = (performance.now() - started) / runs;
    expect(new Set(outputs)).toEqual(new Set([rendered.html]));
    expect(body).toEqual(before);
    // Logged, not asserted: timings belong to benchmarks.
    console.log(`renderPortableText: ${perBody.toFixed(3)} ms per body of 10 text blocks, a photo and a pull quote`);
  });
});
