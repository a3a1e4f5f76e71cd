// A publish that failed because the content host did not answer (the lake
// restarting, a network blip) is tried again on its own, sooner first, then
// less often: nothing else would start it, since the webhook that asked for
// it was already answered, and the change would wait for the next publish,
// however late. Other failures wait for an editor's fix and its publish.
export type RetryOptions = {
  /** Starts a publish (which carries the failed one's changes, see unfinished-changes.ts). */
  publish: () => void;
  log: (line: string) => void;
  firstDelayMs?: number;
  maxDelayMs?: number;
};

export type Retry = { failed(error: unknown): void; succeeded(): void; stop(): void };

/** The name the build gives an unreachable content host (site/lib/errors.ts). */
const UNREACHABLE = 'ContentHostUnreachable';

export function retryWhenUnreachable(options: RetryOptions): Retry {
  const first = options.firstDelayMs ?? 2000;
  const max = options.maxDelayMs ?? 60_000;
  let delay = first;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  return {
    failed: (error) => {
      if (stopped || !String((error as Error | undefined)?.message).includes(UNREACHABLE)) return;
      clearTimeout(timer);
      options.log(`the content host did not answer: publishing again in ${(delay / 1000).toFixed(0)} s`);
      timer = setTimeout(options.publish, delay);
      delay = Math.min(delay * 2, max);
    },
    succeeded: () => {
      clearTimeout(timer);
      delay = first;
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
