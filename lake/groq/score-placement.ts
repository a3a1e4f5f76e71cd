// Where score() may stand. Content Lake scores the documents a query reads, so
// score() must come straight after them: `*`, a filter, a slice, or order()
// or score() of those. After a projection (`*{foo} | score(…)`) or on one
// document (`*[0] | score(…)`) it answers a query error; groq-js evaluates
// both, so the lake checks the tree itself (the GROQ test suite's "Illegal
// use" cases).
import type { Node } from './ast.ts';

const DOCUMENTS = new Set(['Everything', 'Filter', 'Slice']);

function readsDocuments(node: Node): boolean {
  if (DOCUMENTS.has(node.type)) return true;
  if (node.type === 'Group') return readsDocuments(node.base as Node);
  if (node.type === 'PipeFuncCall' && (node.name === 'order' || node.name === 'score'))
    return readsDocuments(node.base as Node);
  return false;
}

/** True when `node` is a score() that does not follow documents. */
export function misplacedScore(node: Node): boolean {
  return node.type === 'PipeFuncCall' && node.name === 'score' && !readsDocuments(node.base as Node);
}
