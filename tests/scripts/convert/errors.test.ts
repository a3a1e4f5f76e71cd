import { describe, expect, it } from 'vitest';
import { convertSource, type SourceFormat } from '../../../scripts/convert/convert-source.ts';
import { ConvertError } from '../../../scripts/convert/errors.ts';
import { storySource } from '../helpers/story-source.ts';

function failure(source: string, format: SourceFormat = 'markdown'): ConvertError {
  try {
    convertSource({ source, format, file: 'bad.md' });
  } catch (error) {
    if (error instanceof ConvertError) return error;
    throw error;
  }
  throw new Error('expected the conversion to fail');
}

describe('body errors', () => {
  it.each([
    ['Hi <b>there</b>', 'RawHtml', 6, 4],
    ['<div>\nblock\n</div>', 'RawHtml', 6, 1],
    ['| a | b |\n| - | - |\n| 1 | 2 |', 'TableNotSupported', 6, 1],
    ['See ![x](a.jpg) here', 'InlineImage', 6, 5],
    ['![x](https://cdn.example.com/a.jpg)', 'RemoteImage', 6, 1],
    ['![](a.jpg)', 'PhotoAltMissing', 6, 1],
    ['![A view](a.jpg)', 'PhotoCreditMissing', 6, 1],
    ['Text[^1]\n\n[^1]: Note', 'UnsupportedNode', 6, 5],
    ['- one\n\n  > quoted', 'UnsupportedNode', 8, 3],
    ['::aside[x]', 'UnknownDirective', 6, 1],
    ['<!-- only a comment -->', 'EmptyBody', undefined, undefined],
    ['<!-- a comment\nover two lines -->', 'EmptyBody', undefined, undefined],
    ['<!-- wp:paragraph --><p>The minister resigned.</p><!-- /wp:paragraph -->', 'RawHtml', 6, 1],
  ])('%j → %s at %s:%s', (body, name, line, column) => {
    const error = failure(storySource(body));
    expect(error.name).toBe(name);
    expect(error.location).toEqual({ file: 'bad.md', line, column });
    expect(error.hint.length).toBeGreaterThan(10);
  });

  it('formats file, position, name, message and hint for the CLI', () => {
    expect(failure(storySource('| a |\n| - |')).format()).toBe(
      'bad.md:6:1 TableNotSupported: Tables are not part of the story content model.\n' +
        '  Hint: Rewrite the table as a list, or publish it as an image with alt text.',
    );
  });
});

describe('front matter errors name the field and its line', () => {
  it.each([
    [['headline: A', 'section: Tech'], 'publishedAt', 'FrontMatterInvalid', 1],
    [['headline: A', 'section: Tech', 'publishedAt: 2012-05-29'], 'publishedAt', 'FrontMatterInvalid', 3],
    [
      ['headline: A', 'section: Tech', 'publishedAt: 2012-05-29T00:00:00Z', 'language: Persian'],
      'language',
      'FrontMatterInvalid',
      4,
    ],
    [
      ['headline: A', 'section: Tech', 'publishedAt: 2012-05-29T00:00:00Z', 'headlne: B'],
      'headlne',
      'FrontMatterInvalid',
      4,
    ],
    [
      ['headline: A', 'section: Tech', 'publishedAt: 2012-05-29T00:00:00Z', 'bylines: [{name: X, role: Boss}]'],
      'bylines.0.role',
      'FrontMatterInvalid',
      4,
    ],
    [
      ['headline: A', 'section: Tech', 'publishedAt: 2012-05-29T00:00:00Z', 'hero: {file: a.jpg, alt: A, credit: {}}'],
      'hero.credit',
      'FrontMatterInvalid',
      4,
    ],
    [
      ['headline: A', 'section: Tech', 'publishedAt: 2012-05-29T00:00:00Z', 'speakers: {x: {name: A, person: A}}'],
      'speakers.x',
      'FrontMatterInvalid',
      4,
    ],
  ])('%j → %s', (lines, field, name, line) => {
    const error = failure(`---\n${lines.join('\n')}\n---\nBody.\n`);
    expect(error.name).toBe(name);
    expect(error.message).toContain(`Front matter field "${field}"`);
    // The YAML starts on line 2 of the file.
    expect(error.location.line).toBe(line + 1);
  });

  it('reports YAML syntax errors with a line', () => {
    const error = failure('---\nheadline: A\nsection: [Tech\n---\nBody.\n');
    expect(error.name).toBe('FrontMatterSyntax');
    expect(error.location.line).toBeGreaterThanOrEqual(3);
  });

  it.each<SourceFormat>(['markdown', 'text'])('requires front matter in %s files', (format) => {
    expect(failure('Just a paragraph.', format)).toMatchObject({ name: 'FrontMatterMissing', location: { line: 1 } });
  });
});
