import { type ExprNode, evaluate, parse } from 'groq-js';
import type { View } from '../perspective/view.ts';
import type { LakeDocument } from '../store/document.ts';
import { webhookErrors } from './webhook-errors.ts';

/** One change as a webhook sees it; `doc` is what `@` is (the document after, or before for a delete). */
export type DeltaContext = {
  doc: LakeDocument;
  before: LakeDocument | null;
  after: LakeDocument | null;
  /** What `*` and `->` read. */
  view: View;
  sanity: { projectId: string; dataset: string };
};

export type WebhookGroq = {
  /** Whether the filter holds for `context.doc` (no filter: always). */
  matches(context: DeltaContext): Promise<boolean>;
  /** The request body's value (no projection: the document itself). */
  project(context: DeltaContext): Promise<unknown>;
};

/**
 * A webhook's filter and projection, parsed in GROQ's delta mode so
 * `before()`, `after()` and `delta::changedAny()/changedOnly()/operation()`
 * work, as in Sanity's webhooks. Syntax errors are thrown now, naming the field.
 */
export function compileWebhookGroq(rule: { filter: string | null; projection: string | null }): WebhookGroq {
  const filter = compile('filter', rule.filter);
  const projection = compile('projection', rule.projection);
  const run = async (tree: ExprNode, context: DeltaContext) => {
    const value = await evaluate(tree, {
      root: context.doc,
      before: context.before,
      after: context.after,
      dataset: context.view.docs,
      dereference: ({ _ref }) => context.view.byId.get(_ref) ?? null,
      sanity: context.sanity,
      timestamp: new Date(),
    });
    return value.get();
  };
  return {
    matches: async (context) => (filter ? (await run(filter, context)) === true : true),
    project: async (context) => (projection ? await run(projection, context) : context.doc),
  };
}

function compile(field: 'filter' | 'projection', source: string | null): ExprNode | undefined {
  if (source === null || source.trim() === '') return undefined;
  try {
    return parse(source, { mode: 'delta' });
  } catch (error) {
    throw webhookErrors.invalidGroq(field, error instanceof Error ? error.message : String(error));
  }
}
