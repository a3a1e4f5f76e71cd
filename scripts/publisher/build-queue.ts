// Runs one publish at a time. Changes that arrive while a publish runs are
// kept and start one follow-up publish when it ends, so none is ever dropped
// and a burst during a build costs one extra build, not one per change.
import type { Change } from './coalescer.ts';

export type PublishRun = (changes: Change[]) => Promise<void>;

export type BuildQueue = {
  submit(changes: Change[]): void;
  /** Resolves when nothing is running or waiting. */
  idle(): Promise<void>;
  running(): boolean;
};

export function buildQueue(run: PublishRun, onError: (error: unknown, changes: Change[]) => void): BuildQueue {
  let waiting: Change[] = [];
  let active: Promise<void> | undefined;
  const idleWaiters: (() => void)[] = [];
  const next = () => {
    if (active || waiting.length === 0) {
      if (!active) for (const resolve of idleWaiters.splice(0)) resolve();
      return;
    }
    const changes = waiting;
    waiting = [];
    active = run(changes)
      .catch((error: unknown) => onError(error, changes))
      .finally(() => {
        active = undefined;
        next();
      });
  };
  return {
    submit: (changes) => {
      waiting.push(...changes);
      next();
    },
    idle: () => (active || waiting.length ? new Promise((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
    running: () => active !== undefined,
  };
}
