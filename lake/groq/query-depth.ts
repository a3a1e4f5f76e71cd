// How deep a GROQ query may nest. groq-js parses and evaluates by recursion,
// and so do the lake's own passes over the tree (ast.ts, hoist.ts,
// guard-scans.ts, run-query.ts): a query nested a thousand levels deep
// (`[[[[…1…]]]]`, `select(c => select(…))`) overflowed the stack in one of
// them, and the caller got "Maximum call stack size exceeded" or a bare 500.
// Real queries are nowhere near the limit (the Studio's and the site's nest a
// few dozen syntax levels, the GROQ suite's deepest 65); through HTTP the
// first shape to overflow did so at about 1,360 levels, so 256 leaves room.
import { type ParseOptions, parse } from 'groq-js';
import { children, type Node } from './ast.ts';

/** Most levels of syntax a query may nest (brackets, operators, pipes, filters, projections, attribute chains). */
export const MAX_QUERY_DEPTH = 256;

/** A query past MAX_QUERY_DEPTH; `start`/`end` frame the bracket that went too deep, or the whole query. */
export class QueryTooDeep extends Error {
  readonly start: number;
  readonly end: number;

  constructor(start: number, end: number) {
    super(`it nests more than ${MAX_QUERY_DEPTH} levels deep`);
    this.name = 'QueryTooDeep';
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
  if (at !== undefined) throw new QueryTooDeep(at, at + 1);
  let tree: Node;
  try {
    tree = parse(query, options) as unknown as Node;
  } catch (error) {
    throw isStackOverflow(error) ? new QueryTooDeep(0, query.length) : error;
  }
  if (treeDeeperThan(tree)) throw new QueryTooDeep(0, query.length);
  return tree;
}

/**
 * The offset of the first bracket that opens more than `max` levels deep, or
 * undefined. Checked before parsing, since groq-js's parser recurses once per
 * bracket. Strings and `//` comments are skipped. A bracket level is (at
 * least) a level of the parsed tree, so both checks draw the same line.
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
export function treeDeeperThan(tree: Node, max = MAX_QUERY_DEPTH): boolean {
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
