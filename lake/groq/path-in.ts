import type { Node } from './ast.ts';

/**
 * `path(a) in path(pattern)` → `a in path(pattern)`. groq-js implements `in`
 * with a path on the right only for a string on the left, so the spec's form
 * with a path on both sides answered null. `path(a)` is null unless `a` is a
 * string, and `a in path(...)` is null for a non-string too, so the rewrite
 * changes nothing else.
 */
export function unwrapPathIn(node: Node): Node {
  if (node.type !== 'OpCall' || node.op !== 'in') return node;
  const left = node.left as Node;
  const args = left.args as Node[] | undefined;
  if (left.type === 'FuncCall' && left.namespace === 'global' && left.name === 'path' && args?.length === 1) {
    return { ...node, left: args[0] as Node };
  }
  return node;
}
