// The command-line scripts' shared first step: parse the arguments, or say
// what was wrong with them and how the command is used.
import { statSync } from 'node:fs';

/**
 * `parse()`'s result, or undefined after writing the problem (with its hint,
 * if it has one) and `usage` to stderr (exit with 2).
 */
export function parsedOrUsage<T>(parse: () => T, usage: string): T | undefined {
  try {
    return parse();
  } catch (error) {
    const e = error as Error & { hint?: string };
    process.stderr.write(`${e.message}\n${e.hint ? `What to do: ${e.hint}\n` : ''}${usage}\n`);
    return undefined;
  }
}

/**
 * The parsed command line of a script that takes `--help`, or the exit code
 * when there is nothing more to do: 0 after printing the usage, 2 after a
 * wrong command line (said, with the usage, on stderr).
 */
export function commandLineOrExit<T extends { values: { help?: boolean | undefined } }>(
  parse: () => T,
  usage: string,
): T | 0 | 2 {
  const parsed = parsedOrUsage(parse, usage);
  if (!parsed) return 2;
  if (!parsed.values.help) return parsed;
  process.stdout.write(`${usage}\n`);
  return 0;
}

/** Whether `path` is a directory; if not, writes one line saying so and `hint` to stderr (exit with 1). */
export function directoryOrComplain(path: string, hint: string): boolean {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return true;
  process.stderr.write(`There is no directory ${path}: ${hint}\n`);
  return false;
}
