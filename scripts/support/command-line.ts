// The command-line scripts' shared first step: parse the arguments, or say
// what was wrong with them and how the command is used.

/** `parse()`'s result, or undefined after writing the problem and `usage` to stderr (exit with 2). */
export function parsedOrUsage<T>(parse: () => T, usage: string): T | undefined {
  try {
    return parse();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return undefined;
  }
}
