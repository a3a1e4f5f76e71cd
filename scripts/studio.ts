// node scripts/studio.ts build [--out studio/dist] [--force]
//     builds the Studio (sanity build) unless the output is already up to date
// node scripts/studio.ts serve [--port 3333] [--api-host https://localhost:4443] [--dir studio/dist]
//     serves a built Studio on http://localhost:<port> (default STUDIO_PORT, or 3333), pointed at a
//     lake (default: what the build baked in)
//
// `npm start` does both itself; these are for building once in CI, or for
// serving the Studio against a lake started some other way.
import { parseArgs } from 'node:util';
import { commandLineOrExit, commandOrComplain, parsedOrUsage } from './support/command-line.ts';
import { parsePort, portVariable } from './support/port-variable.ts';
import { DEFAULT_STUDIO_DIST, ensureStudioBuild } from './support/studio-build.ts';
import { startStudioServer } from './support/studio-server.ts';

const USAGE =
  'Usage: node scripts/studio.ts build [--out dir] [--force]\n       node scripts/studio.ts serve [--port 3333] [--api-host URL] [--dir dir]';

async function main(): Promise<number> {
  // A mistyped flag or port is said with the usage, not as listen()'s RangeError.
  const parsed = commandLineOrExit(
    () =>
      parseArgs({
        allowPositionals: true,
        options: {
          out: { type: 'string' },
          dir: { type: 'string' },
          force: { type: 'boolean', default: false },
          port: { type: 'string' },
          'api-host': { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      }),
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const command = commandOrComplain(positionals, { build: undefined, serve: undefined }, USAGE);
  if (!command) return 2;
  if (command === 'build') {
    const build = await ensureStudioBuild({ outDir: values.out ?? DEFAULT_STUDIO_DIST, force: values.force });
    console.log(build.built ? `The Studio is in ${build.outDir}.` : `The Studio in ${build.outDir} is up to date.`);
    return 0;
  }
  // STUDIO_PORT as npm start reads it, unless --port says otherwise: the taken-port hint names whichever applies.
  const portSetting = values.port === undefined ? 'STUDIO_PORT' : '--port';
  const port = parsedOrUsage(
    () =>
      values.port === undefined
        ? portVariable('STUDIO_PORT')
        : parsePort(values.port, { name: '--port', fallback: 3333 }),
    USAGE,
  );
  if (port === undefined) return 2;
  const apiHost = values['api-host'];
  if (apiHost !== undefined && parsedOrUsage(() => checkedApiHost(apiHost), USAGE) === undefined) return 2;
  const server = await startStudioServer({
    root: values.dir ?? DEFAULT_STUDIO_DIST,
    apiHost,
    port,
    portSetting,
  });
  console.log(`Studio: ${server.url}/ (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
  return 0;
}

/** --api-host, which went into the page as given: a Studio pointed at "localhost:4443" failed only in the browser. */
function checkedApiHost(value: string): string {
  if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return value;
  throw Object.assign(new Error(`--api-host is not an http(s) URL: "${value}".`), {
    hint: "Give the lake's address, e.g. --api-host https://localhost:4443 (npm start's lake).",
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  const e = error as Error & { hint?: string };
  console.error(`\n${e.message}`);
  if (e.hint) console.error(`What to do: ${e.hint}`);
  process.exitCode = 1;
}
