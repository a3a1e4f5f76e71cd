import { type Node, walk } from '../groq/ast.ts';
import { evaluateTree } from '../groq/evaluate-tree.ts';
import { parseWithinDepth } from '../groq/query-depth.ts';
import type { View } from '../perspective/view.ts';
import type { LakeDocument } from '../store/document.ts';
import { webhookErrors } from './webhook-errors.ts';

/** One change as a webhook sees it; `doc` is what `@` is (the document after, or before for a delete). */
export type DeltaContext = {
  doc: LakeDocument;
  before: LakeDocument | null;
  after: LakeDocument | null;
  /** What `*` and `->` read; built only for filters and projections that use them. */
  view: () => View;
  sanity: { projectId: string; dataset: string };
};

export type WebhookGroq = {
  /** Whether the filter holds for `context.doc` (no filter: always). */
  matches(context: DeltaContext): Promise<boolean>;
  /** The request body's value (no projection: the document itself). */
  project(context: DeltaContext): Promise<unknown>;
};

type Compiled = { tree: Node; readsDataset: boolean };

/**
 * A webhook's filter and projection, parsed in GROQ's delta mode so
 * `before()`, `after()` and `delta::changedAny()/changedOnly()/operation()`
 * work, as in Sanity's webhooks. Syntax errors are thrown now, naming the field.
 */
export function compileWebhookGroq(rule: { filter: string | null; projection: string | null }): WebhookGroq {
  const filter = compile('filter', rule.filter);
  const projection = compile('projection', rule.projection);
  const run = (compiled: Compiled, context: DeltaContext) => {
    const view = compiled.readsDataset ? context.view() : undefined;
    return evaluateTree(compiled.tree, {
      root: context.doc,
      before: context.before,
      after: context.after,
      dataset: view?.docs ?? [],
      dereference: ({ _ref }) => view?.byId.get(_ref) ?? null,
      sanity: context.sanity,
      timestamp: new Date(),
    });
  };
  return {
    matches: async (context) => (filter ? (await run(filter, context)) === true : true),
    project: async (context) => (projection ? await run(projection, context) : context.doc),
  };
}

function compile(field: 'filter' | 'projection', source: string | null): Compiled | undefined {
  if (source === null || source.trim() === '') return undefined;
  let tree: Node;
  try {
    // Bounded like queries: a tree too deep for walk() below or for evaluation is refused now.
    tree = parseWithinDepth(source, { mode: 'delta' });
  } catch (error) {
    throw webhookErrors.invalidGroq(field, error instanceof Error ? error.message : String(error));
  }
  const readsDataset = [...walk(tree)].some((node) => node.type === 'Everything' || node.type === 'Deref');
  return { tree, readsDataset };
}
