// The plain text of an mdast subtree (what a quote document or pull quote stores).
import type { Node } from 'unist';
import { softBreaksAsSpaces } from './soft-break.ts';

/** Soft breaks read as spaces, as in the span text, so a quote's words match the paragraph's. */
export function nodeText(node: Node): string {
  if (node.type === 'break') return '\n';
  if (!('value' in node) || typeof node.value !== 'string') return childrenText(node);
  return node.type === 'text' ? softBreaksAsSpaces(node.value) : node.value;
}

function childrenText(node: Node): string {
  if ('children' in node && Array.isArray(node.children)) return (node.children as Node[]).map(nodeText).join('');
  return '';
}
