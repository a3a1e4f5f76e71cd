// A port read from one environment variable, checked at start-up, so a typo
// fails with the variable's name instead of a RangeError from listen().
export function portVariable(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw Object.assign(new Error(`${name} is not a port number: "${raw}".`), {
      name: 'PortVariableInvalid',
      hint: `Set ${name} to a whole number from 0 to 65535 (0 picks a free port), or unset it for ${fallback}.`,
    });
  }
  return port;
}
