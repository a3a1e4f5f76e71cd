// Narrowing: `*[_type == "story" && ...]` need not visit every document. For
// each filter over `*` whose condition is a conjunction including a static
// `_id`/`_type` test, the `*` is replaced by a value node holding just the
// candidates (from the view's indexes, still in `_id` order). The full
// condition still runs over them, so the result is unchanged: candidates are
// a superset of the matches. `*` elsewhere (nested subqueries) keeps meaning
// the whole dataset, because only the filter's own base is replaced.
import type { View } from '../perspective/view.ts';
import { compareIds, type LakeDocument } from '../store/document.ts';
import { type Node, valueNode } from './ast.ts';

type Constraint =
  | { field: '_id' | '_type' | 'references'; values: string[] }
  | { field: 'range'; op: '>' | '>=' | '<' | '<='; value: string };

/** Marks value nodes holding documents in `_id` order (what `*` would give), for later rewrites. */
export const SORTED_BY_ID = 'lakeSortedById';

export function narrowFilter(node: Node, view: View): Node {
  if (node.type !== 'Filter' || (node.base as Node).type !== 'Everything') return node;
  const constraints = conjuncts(node.expr as Node)
    .map(constraintOf)
    .filter((c) => c !== undefined);
  let candidates: LakeDocument[] | undefined;
  for (const c of constraints) {
    if (c.field === '_id') {
      const docs = unique(c.values).map((id) => view.byId.get(id));
      candidates = docs.filter((doc) => doc !== undefined).sort(compareIds);
      break;
    }
  }
  for (const c of constraints) {
    if (!candidates && c.field === '_type') candidates = mergeSorted(unique(c.values).map((type) => view.ofType(type)));
  }
  for (const c of constraints) {
    if (c.field !== 'references') continue;
    // Kept in `_id` order either way; with no other index, the referrers are the candidates.
    const referrers = view.referrers(c.values);
    if (!candidates) candidates = referrers;
    else {
      const keep = new Set(referrers);
      candidates = candidates.filter((doc) => keep.has(doc));
    }
  }
  for (const c of constraints) {
    if (c.field === 'range') candidates = idRange(candidates ?? view.docs, c.op, c.value);
  }
  return candidates ? { ...node, base: { ...valueNode(candidates), [SORTED_BY_ID]: true } } : node;
}

/** The documents of an `_id`-sorted list whose `_id` satisfies `_id <op> value` (binary search). */
function idRange(docs: LakeDocument[], op: '>' | '>=' | '<' | '<=', value: string): LakeDocument[] {
  const strict = op === '>' || op === '<=';
  let low = 0;
  let high = docs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const id = (docs[mid] as LakeDocument)._id;
    if (id < value || (strict && id === value)) low = mid + 1;
    else high = mid;
  }
  return op === '>' || op === '>=' ? docs.slice(low) : docs.slice(0, low);
}

function conjuncts(expr: Node): Node[] {
  if (expr.type === 'And') return [...conjuncts(expr.left as Node), ...conjuncts(expr.right as Node)];
  if (expr.type === 'Group') return conjuncts(expr.base as Node);
  return [expr];
}

function constraintOf(expr: Node): Constraint | undefined {
  if (expr.type === 'FuncCall') return referencesOf(expr);
  if (expr.type !== 'OpCall') return undefined;
  const left = expr.left as Node;
  const right = expr.right as Node;
  if (expr.op === '==') {
    const field = fieldOf(left) ?? fieldOf(right);
    const value = fieldOf(left) ? stringOf(right) : stringOf(left);
    return field && value !== undefined ? { field, values: [value] } : undefined;
  }
  if (expr.op === '>' || expr.op === '>=' || expr.op === '<' || expr.op === '<=') {
    // `_id > "x"` (keyset pagination); only with `_id` on the left and a string on the right.
    const value = stringOf(right);
    return fieldOf(left) === '_id' && value !== undefined ? { field: 'range', op: expr.op, value } : undefined;
  }
  if (expr.op === 'in') {
    const field = fieldOf(left);
    const values = stringsOf(right);
    return field && values ? { field, values } : undefined;
  }
  return undefined;
}

/** `references("a", ["b", "c"])` with static arguments: the ids it looks for. */
function referencesOf(call: Node): Constraint | undefined {
  if (call.name !== 'references' || (call.namespace !== 'global' && call.namespace !== undefined)) return undefined;
  const values: string[] = [];
  for (const arg of call.args as Node[]) {
    const one = stringOf(arg);
    const many = one === undefined ? stringsOf(arg) : [one];
    if (!many) return undefined;
    values.push(...many);
  }
  return { field: 'references', values };
}

/** `_id` or `_type` of the document being filtered (no base = `@`). */
function fieldOf(node: Node): '_id' | '_type' | undefined {
  if (node.type !== 'AccessAttribute' || node.base !== undefined) return undefined;
  return node.name === '_id' || node.name === '_type' ? node.name : undefined;
}

function stringOf(node: Node): string | undefined {
  return node.type === 'Value' && typeof node.value === 'string' ? node.value : undefined;
}

/** A static list of strings: an inlined `$param` array or an array literal of strings. */
function stringsOf(node: Node): string[] | undefined {
  if (node.type === 'Value') {
    return Array.isArray(node.value) && node.value.every((v) => typeof v === 'string') ? node.value : undefined;
  }
  if (node.type === 'Array') {
    const out: string[] = [];
    for (const element of node.elements as Node[]) {
      const value = element.isSplat ? undefined : stringOf(element.value as Node);
      if (value === undefined) return undefined;
      out.push(value);
    }
    return out;
  }
  return undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Merges lists that are each sorted by `_id` (and disjoint: one type each). */
function mergeSorted(lists: LakeDocument[][]): LakeDocument[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  return nonEmpty.flat().sort(compareIds);
}
