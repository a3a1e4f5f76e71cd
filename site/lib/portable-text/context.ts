// The state a handler sees: the caller's options, the block being rendered
// (so every diagnostic can name it) and whether we are already inside a link.
import { createDiagnostic, type Diagnostic, type DiagnosticName, PortableTextError } from './diagnostics.ts';
import type { RenderOptions } from './options.ts';

export interface RenderContext {
  readonly options: RenderOptions;
  readonly blockKey: string;
  readonly blockType: string;
  readonly insideLink: boolean;
  /** Records a diagnostic for the current block; throws instead when the caller asked for `strict`. */
  report(name: DiagnosticName, value?: string): void;
  /** A context for a block nested in this one (a list item), so diagnostics name that block. */
  forBlock(node: { _key?: unknown; _type?: unknown }): RenderContext;
}

/** Collects diagnostics for one render and hands out per-block contexts that report into it. */
export function createDiagnosticsCollector(options: RenderOptions) {
  const diagnostics: Diagnostic[] = [];
  // One unknown mark on ten spans is one problem, not ten log lines.
  const seen = new Set<string>();

  function contextFor(node: { _key?: unknown; _type?: unknown }): RenderContext {
    const blockKey = typeof node._key === 'string' ? node._key : '(no _key)';
    const blockType = typeof node._type === 'string' ? node._type : '(no _type)';
    return {
      options,
      blockKey,
      blockType,
      insideLink: false,
      report(name, value) {
        const diagnostic = createDiagnostic(name, { documentId: options.documentId, blockKey, blockType }, value);
        if (options.strict) throw new PortableTextError(diagnostic);
        const id = `${diagnostic.name}\u0000${diagnostic.message}`;
        if (seen.has(id)) return;
        seen.add(id);
        diagnostics.push(diagnostic);
      },
      forBlock: contextFor,
    };
  }

  return { diagnostics, contextFor };
}
