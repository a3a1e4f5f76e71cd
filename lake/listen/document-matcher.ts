import { evaluateTree } from '../groq/evaluate-tree.ts';
import { parseQuery } from '../groq/parse-query.ts';
import type { LakeDocument } from '../store/document.ts';

/** Whether one document is in a listener's result set. */
export type DocumentMatcher = (doc: LakeDocument) => Promise<boolean>;

export type MatcherOptions = {
  query: string;
  params: Record<string, unknown>;
  /** For GROQ's identity(). */
  identity: string;
  sanity: { projectId: string; dataset: string };
};

/**
 * Compiles a listener's query (parse errors are thrown now, as Sanity's
 * `queryParseError`). A document matches when the whole query, run over a
 * dataset of that one document, gives a non-empty result: so filters with
 * projections, `order()` or slices (the Studio's release and list listeners)
 * work as they are.
 */
export function compileMatcher(options: MatcherOptions): DocumentMatcher {
  const tree = parseQuery(options.query, options.params);
  return async (doc) => {
    const result = await evaluateTree(tree, {
      dataset: [doc],
      params: options.params,
      identity: options.identity,
      sanity: options.sanity,
      timestamp: new Date(),
    });
    return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined && result !== false;
  };
}
