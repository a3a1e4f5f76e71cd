// A scan of `*` inside a projection or filter that depends on the outer
// document (so it could not be hoisted) runs once per outer result. Over a
// few thousand documents that is millions of steps in one synchronous call,
// and the lake answers nothing else until it ends, if it ends before the
// heap runs out. Such scans are handed to groq-js as streams that give way to
// other requests every slice and stop at the query's budget.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { View } from '../perspective/view.ts';
import { isNode, type Node, valueNode } from './ast.ts';
import { isRepeatedChild } from './hoist.ts';
import { SORTED_BY_ID } from './narrow.ts';
import type { QueryBudget } from './query-budget.ts';

/** Repeated scans over fewer documents stay synchronous: at most this many steps per outer result. */
export const SLICED_SCAN_MIN = 1000;
const SLICE = 512;

/** The tree with its large repeated scans sliced, and whether there were any (then only async groq-js can run it). */
export function guardScans(tree: Node, view: View, budget: QueryBudget): { tree: Node; sliced: boolean } {
  let sliced = false;
  const visit = (node: Node, repeated: boolean): Node => {
    if (repeated) {
      const docs = scannedDocuments(node, view);
      if (docs && docs.length >= SLICED_SCAN_MIN) {
        sliced = true;
        return valueNode(slicedList(docs, budget));
      }
    }
    if (node.type === 'Value') return node;
    const copy: Node = { ...node };
    for (const [key, value] of Object.entries(node)) {
      const inner = repeated || isRepeatedChild(node, key);
      if (isNode(value)) copy[key] = visit(value, inner);
      else if (Array.isArray(value)) copy[key] = value.map((item) => (isNode(item) ? visit(item, inner) : item));
    }
    return copy;
  };
  const guarded = visit(tree, false);
  return { tree: guarded, sliced };
}

/** The documents a node scans: all of them for `*`, or the candidates narrowFilter put in its place. */
function scannedDocuments(node: Node, view: View): readonly unknown[] | undefined {
  if (node.type === 'Everything') return view.docs;
  if (node.type === 'Value' && node[SORTED_BY_ID] === true && Array.isArray(node.value)) return node.value;
  return undefined;
}

/**
 * groq-js treats a value with `next()` as a stream and iterates it with `for
 * await`, which asks for a fresh iterator on every evaluation of the scan.
 */
function slicedList(docs: readonly unknown[], budget: QueryBudget) {
  return {
    next: () => ({ done: true, value: undefined }),
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < docs.length; i++) {
        if (i % SLICE === 0) {
          await nextTurn();
          budget.check();
        }
        yield docs[i];
      }
    },
  };
}
