import { type EvaluateOptions, type ExprNode, evaluate } from 'groq-js';
import { errors } from '../errors/catalog.ts';
import { isLakeError } from '../errors/lake-error.ts';
import type { View } from '../perspective/view.ts';
import { mapChildren, type Node, valueNode } from './ast.ts';
import { evaluateTree } from './evaluate-tree.ts';
import { firstById } from './first-by-id.ts';
import { guardScans } from './guard-scans.ts';
import { isHoistable, isRepeatedChild } from './hoist.ts';
import { narrowFilter } from './narrow.ts';
import { parseQuery } from './parse-query.ts';
import { unwrapPathIn } from './path-in.ts';
import { queryBudget } from './query-budget.ts';
import { isStackOverflow, MAX_SYNTAX_DEPTH } from './query-depth.ts';
import type { QueryLimits } from './query-limits.ts';

export type QueryInput = {
  query: string;
  params: Record<string, unknown>;
  /** The dataset as the request's perspective shows it. */
  view: View;
  /** Who asks (for groq's `identity()`). */
  identity: string;
  sanity: { projectId: string; dataset: string };
  /** Where a query that repeats a large scan is stopped. */
  limits: QueryLimits;
};

/**
 * Parses and evaluates one GROQ query over a view. `->` resolves through the
 * view's id map (groq-js would otherwise scan the whole dataset for every
 * reference), filters over `*` visit only their `_id`/`_type` candidates,
 * uncorrelated subqueries run once, and `order(_id)` pages stop early. A
 * scan that must still run once per result is sliced (guard-scans.ts).
 */
export async function runQuery(input: QueryInput): Promise<unknown> {
  const tree = parseQuery(input.query, input.params);
  const { view } = input;
  const options: EvaluateOptions = {
    dataset: view.docs,
    params: input.params,
    timestamp: new Date(),
    identity: input.identity,
    sanity: input.sanity,
    dereference: ({ _ref }) => view.byId.get(_ref) ?? null,
  };
  try {
    const optimized = await optimize(tree, false, view, options);
    const guarded = guardScans(optimized, view, queryBudget(input.query, input.limits));
    if (!guarded.sliced) return await evaluateTree(optimized, options);
    return await (await evaluate(guarded.tree as unknown as ExprNode, options)).get();
  } catch (error) {
    if (isLakeError(error)) throw error;
    // parseQuery bounds the syntax; data 200 levels deep (the JSON limit) under it could still go further.
    if (isStackOverflow(error)) throw errors.queryTooDeepToEvaluate(MAX_SYNTAX_DEPTH, input.query);
    throw errors.queryEvaluationError(error instanceof Error ? error.message : String(error), input.query);
  }
}

async function optimize(node: Node, repeated: boolean, view: View, options: EvaluateOptions): Promise<Node> {
  // Decided on the original subtree: rewriting children into values hides the `*` they read.
  const hoist = repeated && isHoistable(node);
  const rewritten = await mapChildren(node, (child, key) =>
    optimize(child, repeated || isRepeatedChild(node, key), view, options),
  );
  const narrowed = narrowFilter(unwrapPathIn(rewritten), view);
  if (hoist) return valueNode(await evaluateTree(narrowed, options));
  return repeated ? narrowed : firstById(narrowed, view, (tree) => evaluateTree(tree, options));
}
