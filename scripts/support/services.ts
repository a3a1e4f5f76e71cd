// `npm start` is a list of services started in order and stopped in reverse:
// the lake, then the Studio and the site that read from it (and, later, the
// publisher that rebuilds the site when the lake says something changed).
// Services pass each other what they need the way processes do, as
// environment variables: the lake adds SANITY_API_HOST, every later service
// (and any process it spawns) sees it.

export type ServiceEnv = Readonly<Record<string, string>>;

export type RunningService = {
  /** Lines for the "the newsroom is up" summary, e.g. `Studio: http://localhost:3333/`. */
  summary: string[];
  /** Variables for the services after this one, e.g. `{SANITY_API_HOST: 'https://127.0.0.1:4443'}`. */
  env?: Record<string, string>;
  /** Stops the service and frees its ports; resolves once it is gone. */
  stop(): Promise<void>;
};

export type Service = {
  /** Short and lower-case, used in messages: "lake", "studio", "site". */
  name: string;
  start(env: ServiceEnv): Promise<RunningService>;
};

export type ServiceGroup = {
  summary: string[];
  env: ServiceEnv;
  /** Stops every started service, last started first. Safe to call more than once. */
  stop(): Promise<void>;
};

export type StartServicesOptions = {
  /** What the first service sees. Default: nothing (services read process.env themselves). */
  env?: ServiceEnv;
  log?: (line: string) => void;
};

/**
 * Starts `services` one after another. If one fails, the ones already
 * started are stopped (in reverse) and the error is rethrown, named after
 * the service that failed.
 */
export async function startServices(services: readonly Service[], options: StartServicesOptions = {}) {
  const log = options.log ?? ((line: string) => console.log(line));
  const started: { name: string; running: RunningService }[] = [];
  let env: ServiceEnv = options.env ?? {};
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopInReverse(started, log);
    return stopping;
  };
  for (const service of services) {
    let running: RunningService;
    try {
      running = await service.start(env);
    } catch (error) {
      await stop();
      throw serviceFailed(service.name, error);
    }
    started.push({ name: service.name, running });
    env = { ...env, ...running.env };
  }
  return { summary: started.flatMap((s) => s.running.summary), env, stop } satisfies ServiceGroup;
}

async function stopInReverse(started: { name: string; running: RunningService }[], log: (line: string) => void) {
  for (const { name, running } of [...started].reverse()) {
    try {
      await running.stop();
    } catch (error) {
      // Keep going: the services before it still hold ports and processes.
      log(`Stopping the ${name} failed: ${(error as Error).message}`);
    }
  }
}

function serviceFailed(name: string, error: unknown): Error {
  const cause = error as Error & { hint?: string };
  const wrapped = new Error(`The ${name} did not start: ${cause.message}`, { cause });
  wrapped.name = cause.name && cause.name !== 'Error' ? cause.name : 'ServiceStartFailed';
  return Object.assign(wrapped, { hint: cause.hint ?? `See the ${name}'s output above.` });
}
