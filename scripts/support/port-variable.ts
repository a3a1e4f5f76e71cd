// A port read from one environment variable, checked at start-up, so a typo
// fails with the variable's name instead of a RangeError from listen().

/**
 * Each service's port when its variable is unset: npm start's (start-config.ts
 * reads them from here), so a service run alone listens where npm start puts it.
 */
export const DEFAULT_PORTS = { LAKE_PORT: 4443, STUDIO_PORT: 3333, SITE_PORT: 4321, PUBLISHER_PORT: 4400 } as const;

export function portVariable(name: keyof typeof DEFAULT_PORTS, env: NodeJS.ProcessEnv = process.env): number {
  const fallback = DEFAULT_PORTS[name];
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
