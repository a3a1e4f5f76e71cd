import { type EvaluateOptions, type ExprNode, evaluate, evaluateSync, toJS } from 'groq-js';
import type { Node } from './ast.ts';

/**
 * Evaluates a syntax tree to plain JSON. groq-js's synchronous evaluator is
 * several times faster (no promise per element) but covers only part of the
 * language; when it refuses, the asynchronous evaluator runs the query.
 */
export async function evaluateTree(tree: Node, options: EvaluateOptions): Promise<unknown> {
  const expr = tree as unknown as ExprNode;
  try {
    return toJS(evaluateSync(expr, options));
  } catch {
    // Sync mode throws for constructs it lacks (streams, some functions);
    // real errors surface again, with their own message, from async mode.
  }
  const value = await evaluate(expr, options);
  return value.get();
}
