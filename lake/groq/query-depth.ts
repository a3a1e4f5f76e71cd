// How deep a GROQ query may nest. groq-js parses and evaluates by recursion,
// and so do the lake's own passes over the tree (ast.ts, hoist.ts,
// guard-scans.ts, run-query.ts): a query nested a thousand levels deep
// (`[[[[…1…]]]]`, `select(c => select(…))`) overflowed the stack in one of
// them, and the caller got "Maximum call stack size exceeded" or a bare 500.
// Real queries are nowhere near the limit (the Studio's and the site's nest a
// few dozen syntax levels, the GROQ suite's deepest 65); through HTTP the
// first shape to overflow did so at about 1,360 levels, the async evaluator
// (sliced scans) at about 1,000. Brackets are limited to 256 levels; the
// parsed tree to 600, as a flat chain (`_id == "a" || _id == "b" || …`,
// `a + b + …`) is a tree as deep as it is long, and an array or object costs
// two tree levels per bracket.
import { type ParseOptions, parse } from 'groq-js';
import { children, type Node } from './ast.ts';

/** Most levels of brackets a query may nest: ( [ { and the calls and subqueries they open. */
export const MAX_QUERY_DEPTH = 256;

/** Most levels of the parsed tree: each link of a chain of operators, pipes, filters, projections or attributes is one. */
export const MAX_SYNTAX_DEPTH = 600;

export type DepthKind = 'brackets' | 'syntax';

/** A query past a limit; `start`/`end` frame the bracket that went too deep, or the whole query. */
export class QueryTooDeep extends Error {
  readonly kind: DepthKind;
  readonly limit: number;
  readonly start: number;
  readonly end: number;

  constructor(kind: DepthKind, start: number, end: number) {
    const limit = kind === 'brackets' ? MAX_QUERY_DEPTH : MAX_SYNTAX_DEPTH;
    super(`it nests deeper than ${limit} levels of ${kind}`);
    this.name = 'QueryTooDeep';
    this.kind = kind;
    this.limit = limit;
    this.start = start;
    this.end = end;
  }
}

/**
 * groq-js's parse, refusing with QueryTooDeep what would nest past the limit:
 * brackets are counted before parsing, the tree's depth after it. What else
 * can make the parser recurse deeply (a long chain of custom functions
 * calling each other, which it inlines) is caught as the stack overflow it is.
 */
export function parseWithinDepth(query: string, options?: ParseOptions): Node {
  const at = bracketOverflow(query);
  if (at !== undefined) throw new QueryTooDeep('brackets', at, at + 1);
  let tree: Node;
  try {
    tree = parse(query, options) as unknown as Node;
  } catch (error) {
    throw isStackOverflow(error) ? new QueryTooDeep('syntax', 0, query.length) : error;
  }
  if (treeDeeperThan(tree)) throw new QueryTooDeep('syntax', 0, query.length);
  return tree;
}

/**
 * The offset of the first bracket that opens more than `max` levels deep, or
 * undefined. Checked before parsing, since groq-js's parser recurses once per
 * bracket. Strings and `//` comments are skipped.
 */
export function bracketOverflow(query: string, max = MAX_QUERY_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '"' || c === "'") i = endOfString(query, i);
    else if (c === '/' && query[i + 1] === '/') i = endOfLine(query, i);
    else if (c === '(' || c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** Whether the parsed tree has a path of more than `max` syntax nodes (`Value` payloads are data, not syntax). Walks without recursion. */
export function treeDeeperThan(tree: Node, max = MAX_SYNTAX_DEPTH): boolean {
  const stack: [Node, number][] = [[tree, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > max) return true;
    for (const { child } of children(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** V8's stack overflow: the only RangeError with this message. */
export function isStackOverflow(error: unknown): error is RangeError {
  return error instanceof RangeError && /call stack size/i.test(error.message);
}

function endOfString(query: string, start: number): number {
  const quote = query[start];
  for (let i = start + 1; i < query.length; i++) {
    if (query[i] === '\\') i++;
    else if (query[i] === quote) return i;
  }
  return query.length;
}

function endOfLine(query: string, start: number): number {
  const end = query.indexOf('\n', start);
  return end === -1 ? query.length : end;
}
