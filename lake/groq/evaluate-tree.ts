import { type EvaluateOptions, type ExprNode, evaluate, evaluateSync } from 'groq-js';
import type { Node } from './ast.ts';

/**
 * Evaluates a syntax tree to JSON-serialisable data. groq-js's synchronous
 * evaluator is several times faster (no promise per element) but covers only
 * part of the language; when it refuses, the asynchronous evaluator runs it.
 *
 * The synchronous result is returned as is: datetimes and paths stay groq-js
 * objects, which serialise through their toJSON(). groq-js's toJS() would
 * copy the whole result to do the same, and a result can be tens of MB.
 */
export async function evaluateTree(tree: Node, options: EvaluateOptions): Promise<unknown> {
  const expr = tree as unknown as ExprNode;
  try {
    return evaluateSync(expr, options).data;
  } catch {
    // Sync mode throws for constructs it lacks (streams, some functions);
    // real errors surface again, with their own message, from async mode.
  }
  const value = await evaluate(expr, options);
  return value.get();
}
