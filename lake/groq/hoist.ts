// Hoisting: groq-js evaluates a subquery such as `*[_type == "section"]` again
// for every element of the outer query, even when it does not depend on that
// element (GROQ engines compute such uncorrelated subqueries once). A subtree
// is "closed" when it reads neither `@` (explicitly or through a bare
// attribute or an implicit-`@` function) nor any `^`; a closed subtree that
// reads `*` and sits where it would run repeatedly is evaluated once and
// replaced by its value.
import type { Node } from './ast.ts';
import { children } from './ast.ts';

/** Properties whose expression is evaluated in a nested scope, once per element. */
const NESTED_SCOPE: Record<string, readonly string[]> = {
  Filter: ['expr'],
  Projection: ['expr'],
  Map: ['expr'],
  FlatMap: ['expr'],
  PipeFuncCall: ['args'],
};

/** Functions that read the current scope's `@` without it appearing as an argument. */
const IMPLICIT_THIS = new Set(['global::references', 'sanity::versionOf', 'sanity::partOfRelease']);

/**
 * Functions whose results are not plain JSON (datetimes, paths) or depend on
 * the evaluation context; their values would not survive being hoisted.
 */
const NOT_HOISTABLE_FUNCTIONS = new Set(['global::dateTime', 'global::path', 'global::before', 'global::after']);
const NOT_HOISTABLE_NAMESPACES = new Set(['dateTime', 'geo', 'delta', 'diff', 'documents', 'releases', 'text']);
const NOT_HOISTABLE_NODES = new Set(['SelectorFuncCall', 'SelectorNested', 'Context']);
/** Parts of expressions that cannot be evaluated on their own. */
const NOT_EXPRESSIONS = new Set([
  'Value',
  'Everything',
  'ObjectAttributeValue',
  'ObjectSplat',
  'ObjectConditionalSplat',
  'ArrayElement',
  'SelectAlternative',
  'Asc',
  'Desc',
  'FuncDeclaration',
]);

type Facts = { readsThis: boolean; readsParent: boolean; readsEverything: boolean; unsafe: boolean };

const facts = new WeakMap<Node, Facts>();

export function factsOf(node: Node): Facts {
  const known = facts.get(node);
  if (known) return known;
  const result: Facts = { readsThis: false, readsParent: false, readsEverything: false, unsafe: false };
  switch (node.type) {
    case 'This':
      result.readsThis = true;
      break;
    case 'Parent':
      result.readsParent = true;
      break;
    case 'Everything':
      result.readsEverything = true;
      break;
    case 'AccessAttribute':
      if (node.base === undefined) result.readsThis = true;
      break;
    case 'FuncCall': {
      const name = `${String(node.namespace)}::${String(node.name)}`;
      if (IMPLICIT_THIS.has(name)) result.readsThis = true;
      if (NOT_HOISTABLE_FUNCTIONS.has(name) || NOT_HOISTABLE_NAMESPACES.has(String(node.namespace))) {
        result.unsafe = true;
      }
      break;
    }
  }
  if (NOT_HOISTABLE_NODES.has(node.type)) result.unsafe = true;
  const nested = NESTED_SCOPE[node.type] ?? [];
  for (const { key, child } of children(node)) {
    const sub = factsOf(child);
    // `@` inside a nested scope is that scope's element, not ours.
    if (sub.readsThis && !nested.includes(key)) result.readsThis = true;
    result.readsParent ||= sub.readsParent;
    result.readsEverything ||= sub.readsEverything;
    result.unsafe ||= sub.unsafe;
  }
  facts.set(node, result);
  return result;
}

export function isHoistable(node: Node): boolean {
  if (NOT_EXPRESSIONS.has(node.type)) return false;
  const f = factsOf(node);
  return f.readsEverything && !f.readsThis && !f.readsParent && !f.unsafe;
}

/** Whether the child under `key` of `parent` runs once per element of something. */
export function isRepeatedChild(parent: Node, key: string): boolean {
  return (NESTED_SCOPE[parent.type] ?? []).includes(key);
}
