import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../../scripts/convert/convert-source.ts';
import type { Block } from '../../../scripts/convert/export-shapes.ts';
import { parsePlainText } from '../../../scripts/convert/parse-plain-text.ts';
import { blockText, storySource } from '../helpers/story-source.ts';

const PARAGRAPHS = [
  'Iran’s “soft war” will *fail*, he said — 1. not [a link](x) nor <b>html</b> nor :quote[this]{speaker=x}.',
  '# Not a heading\n- not a list\n  kept with its line breaks',
  '    Indented four spaces, not code.',
];

describe('plain text', () => {
  const source = storySource(PARAGRAPHS.join('\n\n  \t\n'));

  it('keeps every paragraph verbatim as a normal block, with no Markdown read', () => {
    const { story } = convertSource({ source, format: 'text' });
    expect(story.body.map((b) => [(b as Block).style, blockText(b as Block), (b as Block).markDefs])).toEqual(
      PARAGRAPHS.map((p) => ['normal', p, []]),
    );
    expect(story.body.flatMap((b) => (b as Block).children.map((s) => s.marks))).toEqual(PARAGRAPHS.map(() => []));
  });

  it('normalises CRLF line endings', () => {
    const { story } = convertSource({ source: source.replace(/\n/g, '\r\n'), format: 'text' });
    expect(story.body.map((b) => blockText(b as Block))).toEqual(PARAGRAPHS);
  });

  it.each([
    ['a byte order mark', `\uFEFF${storySource('Body.')}`],
    [
      'trailing spaces on the fences',
      storySource('Body.')
        .replace(/^---\n/, '--- \n')
        .replace(/\n---\n/, '\n---\t \n'),
    ],
  ])('finds the front matter after %s', (_, text) => {
    const { story } = convertSource({ source: text, format: 'text' });
    expect(story.headline).toBe('Test story');
    expect(story.body.map((b) => blockText(b as Block))).toEqual(['Body.']);
  });

  it('positions paragraphs on the lines of the file', () => {
    const { root } = parsePlainText('---\na: 1\n---\nfirst\n\nsecond\nthird\n');
    expect(root.children.map((p) => [p.position?.start.line, p.position?.end.line])).toEqual([
      [4, 4],
      [6, 7],
    ]);
  });
});

describe('plain text of the reference page', () => {
  it('keeps every paragraph of the page, characters and inner line breaks included', async () => {
    const page = await readFile(
      new URL('../../../content/reference/000_524019db8ab8aa39.txt', import.meta.url),
      'utf8',
    );
    const { story } = convertSource({ source: storySource(page), format: 'text' });
    const texts = story.body.map((b) => blockText(b as Block));
    const expected = page.split(/\n(?:[ \t]*\n)+/).filter((p) => p.trim());
    expect(texts).toEqual(expected);
    expect(texts).toContain('Iran’s Mehmanparast Says ‘Soft War’ Cyber Attacks to Fail');
    expect(texts).toContain('  • Europe, Middle East, & Africa');
  });
});
