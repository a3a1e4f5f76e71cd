// Turns a burst of publishes into one build: a batch is released after a
// quiet window with no new publish, or when the oldest publish in it has
// waited the maximum time, whichever comes first. A breaking story skips the
// wait.
export type Change = { id: string; type?: string; operation?: string; breaking?: boolean; receivedAt: number };

export type CoalescerOptions = {
  /** Release the batch after this long without a new change. */
  quietMs: number;
  /** Never hold a change longer than this. */
  maxWaitMs: number;
  onBatch: (changes: Change[]) => void;
};

export type Coalescer = { add(change: Change): void; pending(): number; flush(): void; stop(): void };

export function coalescer(options: CoalescerOptions): Coalescer {
  let batch: Change[] = [];
  let quiet: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  const release = () => {
    clearTimeout(quiet);
    clearTimeout(deadline);
    quiet = deadline = undefined;
    if (batch.length === 0) return;
    const changes = batch;
    batch = [];
    options.onBatch(changes);
  };
  return {
    add: (change) => {
      batch.push(change);
      if (change.breaking) return release();
      clearTimeout(quiet);
      quiet = setTimeout(release, options.quietMs);
      deadline ??= setTimeout(release, options.maxWaitMs);
    },
    pending: () => batch.length,
    flush: release,
    stop: () => {
      clearTimeout(quiet);
      clearTimeout(deadline);
    },
  };
}
