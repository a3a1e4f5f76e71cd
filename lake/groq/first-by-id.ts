// `*[cond] | order(_id asc) [a...b]`, the shape of keyset pagination, makes
// groq-js test `cond` on every candidate and sort them all to keep b. The
// candidates are already in `_id` order, so testing them a chunk at a time
// until b have matched gives the same page for a fraction of the work.
import type { View } from '../perspective/view.ts';
import { type Node, valueNode } from './ast.ts';
import { SORTED_BY_ID } from './narrow.ts';

const MIN_CHUNK = 256;

function isIdAscending(arg: Node | undefined): boolean {
  const key = arg?.type === 'Asc' ? (arg.base as Node) : arg;
  return key?.type === 'AccessAttribute' && key.base === undefined && key.name === '_id';
}

/** Candidates known to be every matching document in `_id` order, or undefined. */
function sortedCandidates(base: Node, view: View): unknown[] | undefined {
  if (base.type === 'Everything') return view.docs;
  return base.type === 'Value' && base[SORTED_BY_ID] === true && Array.isArray(base.value) ? base.value : undefined;
}

/**
 * Rewrites the slice to its value. Only for the query's own scope (not inside
 * a per-element expression, where `cond` could read `^`).
 */
export async function firstById(node: Node, view: View, evaluate: (tree: Node) => Promise<unknown>): Promise<Node> {
  if (node.type !== 'Slice') return node;
  const left = node.left as number;
  const end = (node.right as number) + (node.isInclusive ? 1 : 0);
  const order = node.base as Node;
  const args = order.args as Node[] | undefined;
  if (left < 0 || end < 0 || order.type !== 'PipeFuncCall' || order.name !== 'order' || args?.length !== 1) return node;
  const filter = order.base as Node;
  if (!isIdAscending(args[0]) || filter.type !== 'Filter') return node;
  const candidates = sortedCandidates(filter.base as Node, view);
  if (!candidates) return node;
  const chunk = Math.max(MIN_CHUNK, end * 2);
  const matched: unknown[] = [];
  for (let start = 0; start < candidates.length && matched.length < end; start += chunk) {
    const part = candidates.slice(start, start + chunk);
    const result = await evaluate({ ...filter, base: valueNode(part) });
    if (!Array.isArray(result)) return node;
    matched.push(...result);
  }
  return valueNode(matched.slice(left, end));
}
