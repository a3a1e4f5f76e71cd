// The time a story's badge is worked out for. What the badge says turns at
// two instants, the publication time (an embargo ends) and the take-down time
// (the story leaves the site), and nothing in the document changes then: the
// badge must render again when one arrives, or an editor watching a story
// reads "On the site" after it has come down.
import { useEffect, useState } from 'react';

/** setTimeout's longest delay (about 24.8 days); a longer one would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** The first of `instants` (ISO date-times; anything else is ignored) after `now`, in epoch ms. */
export function nextInstant(instants: readonly unknown[], now: number): number | undefined {
  const ahead = instants
    .map((value) => (typeof value === 'string' ? Date.parse(value) : Number.NaN))
    .filter((t) => t > now);
  return ahead.length === 0 ? undefined : Math.min(...ahead);
}

/** The time now, at every render, and a render again as each of `instants` arrives. */
export function useNowPassing(instants: readonly unknown[]): Date {
  const now = new Date();
  const [, setWoken] = useState(0);
  const next = nextInstant(instants, now.getTime());
  // A far instant is waited for in steps, each render arming the next step.
  const wakeAt = next === undefined ? undefined : Math.min(next, now.getTime() + MAX_DELAY_MS - 1);
  useEffect(() => {
    if (wakeAt === undefined) return;
    // A timer never fires before its delay: 1 ms on, the instant has passed.
    const timer = setTimeout(() => setWoken((n) => n + 1), Math.max(wakeAt - Date.now(), 0) + 1);
    return () => clearTimeout(timer);
  }, [wakeAt]);
  return now;
}
