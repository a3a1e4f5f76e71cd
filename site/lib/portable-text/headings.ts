// The story's subheads, read back from the finished tree so the list matches
// the ids the page really carries (for a table of contents or jump links).
import type { Root } from 'hast';
import { eachElement, textContent } from './hast-build.ts';

export interface Heading {
  id: string;
  text: string;
  /** 2 for `<h2>`, 3 for `<h3>`. */
  depth: number;
}

export function collectHeadings(tree: Root): Heading[] {
  const headings: Heading[] = [];
  eachElement(tree, (node) => {
    const match = /^h([1-6])$/.exec(node.tagName);
    if (!match || typeof node.properties.id !== 'string') return;
    headings.push({ id: node.properties.id, text: textContent(node).trim(), depth: Number(match[1]) });
  });
  return headings;
}
