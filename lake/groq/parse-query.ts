import { GroqSyntaxError } from 'groq-js';
import { errors } from '../errors/catalog.ts';
import { type Node, walk } from './ast.ts';
import { parseWithinDepth, QueryTooDeep } from './query-depth.ts';
import { misplacedScore } from './score-placement.ts';

/**
 * Parses a GROQ query with its params (groq-js inlines them as values) and
 * turns groq-js failures into Sanity's `queryParseError` bodies, which carry
 * the query and the `start`/`end` of the fault so clients can draw a frame.
 * A query nested past the depth limits (query-depth.ts) is refused here, before anything
 * recurses over its tree.
 */
export function parseQuery(query: string, params: Record<string, unknown>): Node {
  let tree: Node;
  try {
    tree = parseWithinDepth(query, { params });
  } catch (error) {
    if (error instanceof QueryTooDeep)
      throw errors.queryTooDeep(error.kind, error.limit, query, error.start, error.end);
    if (error instanceof GroqSyntaxError) {
      const start = error.position;
      throw errors.queryParseError(describeSyntaxError(error.message), query, start, start + 1);
    }
    const message = error instanceof Error ? error.message : String(error);
    const [start, end] = locate(query, message);
    throw errors.queryParseError(message, query, start, end);
  }
  for (const node of walk(tree)) {
    if (node.type === 'Parameter') {
      const name = String(node.name);
      const [start, end] = locateParam(query, name);
      throw errors.queryParamMissing(name, query, start, end);
    }
    if (misplacedScore(node)) {
      const at = /score\s*\(/.exec(query);
      const [start, end] = at ? [at.index, at.index + at[0].length] : [0, query.length];
      throw errors.queryParseError(
        'score() must follow documents: *, a filter, a slice or order(), not a projection or a single document',
        query,
        start,
        end,
      );
    }
  }
  return tree;
}

/** groq-js prefixes "Syntax error in GROQ query at position N: "; the frame already shows where. */
function describeSyntaxError(message: string): string {
  return message.replace(/^Syntax error in GROQ query at position \d+: /, '').replace(/^./, (c) => c.toLowerCase());
}

function locateParam(query: string, name: string): [number, number] {
  const match = new RegExp(`\\$${name.replace(/[^A-Za-z0-9_]/g, '')}(?![A-Za-z0-9_])`).exec(query);
  return match ? [match.index, match.index + match[0].length] : [0, query.length];
}

/** Best effort: frame the name a semantic error mentions ("Undefined function: foo"). */
function locate(query: string, message: string): [number, number] {
  const name = /:\s*([A-Za-z_][A-Za-z0-9_:]*)\s*$/.exec(message)?.[1];
  const at = name ? query.indexOf(name) : -1;
  return at >= 0 && name ? [at, at + name.length] : [0, query.length];
}
