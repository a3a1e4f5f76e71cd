// The rehype pass on its own: whatever a handler (or a later plugin) might
// get wrong, the allowlist sanitiser has the last word before the HTML.
import type { Element, ElementContent, Properties, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { processorFor } from '../../../../site/lib/portable-text/index.ts';

const el = (tagName: string, properties: Properties, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

function html(...children: ElementContent[]): string {
  const processor = processorFor('https://news.example');
  const tree: Root = { type: 'root', children };
  return processor.stringify(processor.runSync(tree));
}

describe('the sanitiser behind the handlers', () => {
  it.each<[string, ElementContent, string]>([
    [
      'drops a script with its content',
      el('p', {}, [text('a'), el('script', {}, [text('alert(1)')]), text('b')]),
      '<p>ab</p>',
    ],
    ['drops a style element with its content', el('style', {}, [text('p{}')]), ''],
    ['drops an iframe', el('iframe', { src: 'https://evil.example/' }), ''],
    ['keeps the words of an element it does not allow', el('div', {}, [el('p', {}, [text('kept')])]), '<p>kept</p>'],
    [
      'drops event handlers and style attributes',
      el('p', { onClick: 'alert(1)', style: 'color:red' }, [text('x')]),
      '<p>x</p>',
    ],
    ['drops a javascript: href', el('a', { href: 'javascript:alert(1)' }, [text('x')]), '<a>x</a>'],
    ['drops a data: image source', el('img', { src: 'data:image/png;base64,AAAA', alt: 'x' }), '<img alt="x">'],
    [
      'drops classes that are not ours',
      el('figure', { className: ['photo', 'evil'] }),
      '<figure class="photo"></figure>',
    ],
    ['drops a list item outside a list', el('li', {}, [text('x')]), 'x'],
    ['drops ids that are not on subheads', el('p', { id: 'main' }, [text('x')]), '<p>x</p>'],
  ])('%s', (_name, node, expected) => {
    expect(html(node)).toBe(expected);
  });

  it('gives subheads unprefixed ids', () => {
    expect(html(el('h2', {}, [text('Reaction')]))).toBe('<h2 id="reaction">Reaction</h2>');
  });

  it('marks off-site links only', () => {
    expect(
      html(
        el('a', { href: 'https://other.example/' }, [text('x')]),
        el('a', { href: 'https://news.example/a' }, [text('y')]),
      ),
    ).toBe('<a href="https://other.example/" rel="noopener noreferrer">x</a><a href="https://news.example/a">y</a>');
  });

  it('is built once per site origin', () => {
    expect(processorFor('https://news.example')).toBe(processorFor('https://news.example'));
  });
});
