// Collects the text runs of one block with the marks active on each, then
// emits Portable Text spans (adjacent runs with equal marks merged) and the
// block's markDefs, all keyed from the block's own key.
import type { MarkDef, Span } from './export-shapes.ts';
import type { Keyer } from './keys.ts';

type MarkDefValue = MarkDef extends infer M ? (M extends MarkDef ? Omit<M, '_key'> : never) : never;

export interface InlineBuilder {
  push(text: string): void;
  /** Runs `inner` with `mark` (a decorator or a markDef key) applied to its text. */
  withMark(mark: string, inner: () => void): void;
  /** Adds an annotation and returns its key, to pass to `withMark`. */
  addMarkDef(def: MarkDefValue): string;
  /** True while converting the words of an attributed quote. */
  inQuote: boolean;
  build(): { children: Span[]; markDefs: MarkDef[] };
}

export function createInlineBuilder(blockKey: string, key: Keyer): InlineBuilder {
  const runs: { text: string; marks: string[] }[] = [];
  const markDefs: MarkDef[] = [];
  const active: string[] = [];
  return {
    inQuote: false,
    push(text) {
      if (!text) return;
      const last = runs.at(-1);
      if (last && sameMarks(last.marks, active)) last.text += text;
      else runs.push({ text, marks: [...active] });
    },
    withMark(mark, inner) {
      active.push(mark);
      try {
        inner();
      } finally {
        active.pop();
      }
    },
    addMarkDef(def) {
      const _key = key(blockKey, 'mark', markDefs.length);
      markDefs.push({ ...def, _key } as MarkDef);
      return _key;
    },
    build() {
      const children = runs.map(
        (run, i): Span => ({
          _type: 'span',
          _key: key(blockKey, 'span', i),
          text: run.text,
          marks: run.marks,
        }),
      );
      return { children, markDefs };
    },
  };
}

function sameMarks(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}
