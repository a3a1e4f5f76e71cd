// The plain text of an mdast subtree (what a quote document or pull quote stores).
import type { Node } from 'unist';

export function nodeText(node: Node): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return (node.children as Node[]).map(nodeText).join('');
  return '';
}
