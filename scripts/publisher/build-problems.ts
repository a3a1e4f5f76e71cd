// Picks out of a build's output what an operator must hear about: Astro's
// warnings and errors, among them every document the content loader skipped
// as invalid (it skips them and the build succeeds, so without this a story
// can be left off the site with nobody told why). Output arrives in chunks
// that may split a line; only whole lines are judged. Bounded, because a
// dataset with thousands of bad documents must not grow the publisher's log.
import { stripVTControlCharacters } from 'node:util';

export type BuildProblems = {
  /** Feed it every chunk of the build's stdout and stderr. */
  onOutput(chunk: string): void;
  /** The problem lines kept, oldest first, ending with a count of those left out past the cap. */
  lines(): string[];
};

/** Astro prefixes warnings and errors with `[WARN]`/`[ERROR]`; the loader's summary names the skipped count. */
const PROBLEM = /\[(WARN|ERROR)\]|skipped as invalid|InvalidDocument/;

export function buildProblems(options: { maxLines?: number } = {}): BuildProblems {
  const maxLines = options.maxLines ?? 50;
  const kept: string[] = [];
  let left = 0;
  let partial = '';

  const judge = (raw: string) => {
    const line = stripVTControlCharacters(raw).trim();
    if (!line || !PROBLEM.test(line)) return;
    if (kept.length < maxLines) kept.push(line);
    else left++;
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
