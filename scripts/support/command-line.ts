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

/**
 * The subcommand a script with several was given, checked against
 * `commands` (each mapped to the argument it needs, if any); or undefined
 * after saying what was missing or unknown, with the usage, on stderr (exit
 * with 2). The usage alone left the operator to guess what was wrong.
 */
export function commandOrComplain<C extends string>(
  positionals: readonly string[],
  commands: Record<C, string | undefined>,
  usage: string,
): C | undefined {
  const [command, argument] = positionals;
  const names = Object.keys(commands) as C[];
  const choice = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  let problem: string | undefined;
  if (command === undefined) problem = `Name a command: ${choice}.`;
  else if (!names.includes(command as C)) problem = `Unknown command '${command}': use ${choice}.`;
  else if (commands[command as C] && argument === undefined) problem = `${command} needs ${commands[command as C]}.`;
  if (!problem) return command as C;
  process.stderr.write(`${problem}\n${usage}\n`);
  return undefined;
}

/**
 * Whether `error` is the operating system refusing a file operation on a path
 * the operator gave (a file where a folder should be, no permission, a full
 * disk): theirs to fix, said in one line, where anything else is a bug.
 */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' && typeof syscall === 'string';
}
