// Picks out of a build's output what an operator or editor must hear about:
// Astro's warnings and errors, among them every document the content loader
// skipped as invalid (it skips them and the build succeeds, so without this a
// story can be left off the site with nobody told why). Output arrives in
// chunks that may split a line; only whole lines are judged. Bounded, because
// a dataset with thousands of bad documents must not grow the publisher.
import { stripVTControlCharacters } from 'node:util';

/** A document the build left out, as the deployment document records it for the Studio. */
export type SkippedDocument = { _key: string; id: string; type: string; problem: string };

export type BuildProblems = {
  /** Feed it every chunk of the build's stdout and stderr. */
  onOutput(chunk: string): void;
  /** The problem lines kept, oldest first, ending with a count of those left out past the cap. */
  lines(): string[];
  /** The documents skipped as invalid, one entry per document (its first problem), at most `maxDocuments`. */
  skipped(): SkippedDocument[];
};

/** Astro prefixes warnings and errors with `[WARN]`/`[ERROR]`; the loader's summary names the skipped count. */
const PROBLEM = /\[(WARN|ERROR)\]|skipped as invalid|InvalidDocument/;
const INVALID = /InvalidDocument: Document "([^"]+)" \(([^)]*)\) is invalid at (.*)$/;

export function buildProblems(options: { maxLines?: number; maxDocuments?: number } = {}): BuildProblems {
  const maxLines = options.maxLines ?? 50;
  const maxDocuments = options.maxDocuments ?? 50;
  const kept: string[] = [];
  let left = 0;
  let partial = '';
  const skipped = new Map<string, SkippedDocument>();

  const judge = (raw: string) => {
    const line = stripVTControlCharacters(raw).trim();
    if (!line || !PROBLEM.test(line)) return;
    if (kept.length < maxLines) kept.push(line);
    else left++;
    const invalid = INVALID.exec(line);
    if (!invalid) return;
    const [, id = '', type = '', problem = ''] = invalid;
    if (skipped.has(id) || skipped.size >= maxDocuments) return;
    skipped.set(id, { _key: `skipped-${skipped.size}`, id, type, problem: problem.slice(0, 500) });
  };

  // The build has ended by the time anyone asks: its last line may lack a newline.
  const flush = () => {
    judge(partial);
    partial = '';
  };

  return {
    onOutput: (chunk) => {
      const parts = (partial + chunk).split('\n');
      // The last part has no newline yet; a runaway line without one is cut.
      partial = (parts.pop() ?? '').slice(-4000);
      for (const part of parts) judge(part);
    },
    lines: () => {
      flush();
      return left ? [...kept, `… and ${left} more problem line(s) not shown`] : [...kept];
    },
    skipped: () => {
      flush();
      return [...skipped.values()];
    },
  };
}

/** The last lines of a build's output, without colour codes or the lines in `exclude` (already shown). */
export function outputTail(output: string, exclude: ReadonlySet<string> = new Set(), maxLines = 40): string[] {
  return stripVTControlCharacters(output)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() && !exclude.has(line.trim()))
    .slice(-maxLines);
}
