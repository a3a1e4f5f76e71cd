// Remembers the webhook deliveries accepted lately, so a repeat is known for
// one. The signature check lets a delivery through for as long as its
// signature is fresh (five minutes), so without this a captured or retried
// delivery replayed within that window would start a build each time. Keys
// are forgotten once they expire; memory is bounded, oldest first, because
// every entry costs a little and a flood of valid deliveries is still a flood.
export type RecentDeliveries = {
  /**
   * Whether any of `keys` was seen and has not expired; if none was, records
   * them all until `expiresAt`. Checking and recording are one step, so two
   * copies arriving together cannot both pass.
   */
  firstTime(keys: readonly string[], expiresAt: number): boolean;
  size(): number;
};

export function recentDeliveries(options: { max?: number; now?: () => number } = {}): RecentDeliveries {
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const expiries = new Map<string, number>();
  const prune = (at: number) => {
    // Entries are mostly in expiry order; an unexpired one first stops the sweep early, which is only lazier.
    for (const [key, expiresAt] of expiries) {
      if (expiresAt > at && expiries.size <= max) break;
      expiries.delete(key);
    }
  };
  return {
    firstTime: (keys, expiresAt) => {
      const at = now();
      // An expired entry still in the map counts for nothing here; the prune below drops it.
      if (keys.some((key) => (expiries.get(key) ?? 0) > at)) return false;
      for (const key of keys) {
        expiries.delete(key);
        expiries.set(key, expiresAt);
      }
      prune(at);
      return true;
    },
    size: () => expiries.size,
  };
}
