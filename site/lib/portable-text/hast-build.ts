// Building hast by hand: the handlers need only elements, text and line
// breaks, and plain objects keep the tree cheap to build ten thousand times.
import type { Element, ElementContent, Properties } from 'hast';

export function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** Text with each newline as a `<br>`, the way editors' soft returns read on paper. */
export function textWithBreaks(text: string): ElementContent[] {
  const lines = text.split('\n');
  const out: ElementContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) out.push(element('br', {}, []));
    if (line) out.push({ type: 'text', value: line });
  });
  return out;
}

/** The text of a hast subtree, as a reader would read it aloud. */
export function textContent(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textContent).join('');
  return '';
}
