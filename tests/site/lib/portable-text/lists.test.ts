import { describe, expect, it } from 'vitest';
import { renderPortableText } from '../../../../site/lib/portable-text/index.ts';
import { block, options } from './build-body.ts';

type Item = [text: string, listItem: 'bullet' | 'number', level?: number];

const items = (...list: Item[]) => list.map(([text, listItem, level]) => block(text, { listItem, level }));

describe('lists', () => {
  it.each<[string, Item[], string]>([
    [
      'a bullet list',
      [
        ['a', 'bullet', 1],
        ['b', 'bullet', 1],
      ],
      '<ul><li>a</li><li>b</li></ul>',
    ],
    [
      'a numbered list',
      [
        ['1', 'number', 1],
        ['2', 'number', 1],
      ],
      '<ol><li>1</li><li>2</li></ol>',
    ],
    [
      'items without a level as level 1',
      [
        ['a', 'bullet'],
        ['b', 'bullet'],
      ],
      '<ul><li>a</li><li>b</li></ul>',
    ],
    [
      'a deeper item inside the item above it',
      [
        ['a', 'bullet', 1],
        ['a.1', 'number', 2],
        ['a.2', 'number', 2],
        ['b', 'bullet', 1],
      ],
      '<ul><li>a<ol><li>a.1</li><li>a.2</li></ol></li><li>b</li></ul>',
    ],
    [
      'a skipped level as one step down, without an empty bullet',
      [
        ['a', 'bullet', 1],
        ['deep', 'bullet', 3],
        ['b', 'bullet', 1],
      ],
      '<ul><li>a<ul><li>deep</li></ul></li><li>b</li></ul>',
    ],
    [
      'a change of list type at the same level as a sibling list',
      [
        ['a', 'bullet', 1],
        ['1', 'number', 1],
      ],
      '<ul><li>a</li></ul><ol><li>1</li></ol>',
    ],
    [
      'a change of list type under one item as two lists in that item',
      [
        ['a', 'bullet', 1],
        ['1', 'number', 2],
        ['x', 'bullet', 2],
      ],
      '<ul><li>a<ol><li>1</li></ol><ul><li>x</li></ul></li></ul>',
    ],
    [
      'a climb back out several levels at once',
      [
        ['a', 'bullet', 1],
        ['b', 'bullet', 2],
        ['c', 'bullet', 3],
        ['d', 'bullet', 1],
      ],
      '<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>',
    ],
  ])('nests %s', (_name, list, expected) => {
    expect(renderPortableText(items(...list), options).html).toBe(expected);
  });

  it('ends a list at the next paragraph', () => {
    const body = [...items(['a', 'bullet', 1]), block('Between.'), ...items(['b', 'bullet', 1])];
    expect(renderPortableText(body, options).html).toBe('<ul><li>a</li></ul><p>Between.</p><ul><li>b</li></ul>');
  });

  it('keeps a styled list item’s style inside the item', () => {
    const body = [block('Points', { style: 'h2' }), block('Key point', { listItem: 'bullet', level: 1, style: 'h3' })];
    expect(renderPortableText(body, options).html).toBe(
      '<h2 id="points">Points</h2><ul><li><h3 id="key-point">Key point</h3></li></ul>',
    );
  });
});
