// A port read from one environment variable, checked at start-up, so a typo
// fails with the variable's name instead of a RangeError from listen().

/**
 * Each service's port when its variable is unset: npm start's (start-config.ts
 * reads them from here), so a service run alone listens where npm start puts it.
 */
export const DEFAULT_PORTS = { LAKE_PORT: 4443, STUDIO_PORT: 3333, SITE_PORT: 4321, PUBLISHER_PORT: 4400 } as const;

export function portVariable(name: keyof typeof DEFAULT_PORTS, env: NodeJS.ProcessEnv = process.env): number {
  return parsePort(env[name], { name, fallback: DEFAULT_PORTS[name] });
}

/**
 * The one port rule, for a script whose default is not npm start's (lake.ts's
 * depends on LAKE_TLS) or that takes a flag: `raw` as the operator gave it,
 * `fallback` when absent or blank. A bad value is named by `name`, a variable
 * (LAKE_PORT) or a flag (--port), so the operator knows which to fix.
 */
export function parsePort(raw: string | undefined, setting: { name: string; fallback: number }): number {
  const { name, fallback } = setting;
  const value = raw?.trim();
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    const range = 'a whole number from 0 to 65535 (0 picks a free port)';
    const flag = name.startsWith('--');
    throw Object.assign(new Error(`${name} is not a port number: "${value}".`), {
      name: flag ? 'PortFlagInvalid' : 'PortVariableInvalid',
      hint: flag ? `Give ${name} ${range}, or leave it out.` : `Set ${name} to ${range}, or unset it for ${fallback}.`,
    });
  }
  return port;
}
