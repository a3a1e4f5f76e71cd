// How many bytes of request bodies the lake holds in memory at once, across
// all requests. maxBodyBytes bounds one body, but not how many arrive
// together: eight anonymous clients each sending 90 MB of a telemetry beacon
// (or a query) and then stalling held 0.75 GB in the lake, for as long as
// they liked. Past the budget a body is refused with a 503 and Retry-After;
// its bytes are given back when its request is answered.

export type BodyBudget = {
  /** Counts `bytes` against the budget; false (nothing counted) if they do not fit. */
  take(bytes: number): boolean;
  give(bytes: number): void;
  /** Bytes counted now (diagnostics and tests). */
  held(): number;
};

export function bodyBudget(maxBytes: number): BodyBudget {
  let held = 0;
  return {
    take(bytes) {
      if (held + bytes > maxBytes) return false;
      held += bytes;
      return true;
    },
    give(bytes) {
      held -= bytes;
    },
    held: () => held,
  };
}
