// Embargoes and take-downs happen on time: the publisher keeps a timer for
// the next instant a story goes live or comes down, and publishes then. The
// build itself decides what is live (it reads with the current time), so a
// timer that fires late publishes late, never early.
//
// The schedule is read again after each publish, and an instant that passed
// while that publish ran may be one its build did not see: the build read the
// content before the instant, and the timer was never armed for it (the
// publish was the one announcing the story). So the schedule is read from
// when the publish started, and such an instant is due at once.
import type { SanityClient } from '@sanity/client';

/** Stories whose publish or take-down time is still ahead. */
export const upcomingQuery = `*[_type == "story" && (dateTime(publishedAt) > dateTime($now) || (defined(unpublishAt) && dateTime(unpublishAt) > dateTime($now)))]{_id, publishedAt, unpublishAt}`;

export type Due = { id: string; at: number };

/** The future instants at which `stories` change state, soonest first. */
export function dueTimes(stories: { _id: string; publishedAt?: string; unpublishAt?: string }[], now: number): Due[] {
  const due: Due[] = [];
  for (const s of stories) {
    for (const at of [s.publishedAt, s.unpublishAt]) {
      const t = at ? Date.parse(at) : Number.NaN;
      if (t > now) due.push({ id: s._id, at: t });
    }
  }
  return due.sort((a, b) => a.at - b.at);
}

export type Scheduler = {
  /**
   * Reads the schedule again. `since`: when the publish that just ran began
   * (before its build read the content); instants after it that have passed
   * are due at once, unless the timer already handed them out.
   */
  refresh(since?: number): Promise<void>;
  next(): Due | undefined;
  stop(): void;
};

const dueKey = (d: Due) => `${d.at} ${d.id}`;

/** setTimeout cannot wait longer than this; longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function scheduler(client: SanityClient, onDue: (ids: string[]) => void): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let upcoming: Due[] = [];
  let stopped = false;
  // Instants handed to onDue: each starts a publish whose build reads the content after them.
  const handed = new Set<string>();
  const arm = () => {
    clearTimeout(timer);
    const first = upcoming[0];
    if (!first || stopped) return;
    const wait = Math.max(0, first.at - Date.now());
    timer = setTimeout(fire, Math.min(wait + 5, MAX_TIMER_MS));
  };
  const fire = () => {
    const now = Date.now();
    const ready = upcoming.filter((d) => d.at <= now);
    upcoming = upcoming.filter((d) => d.at > now);
    for (const d of ready) handed.add(dueKey(d));
    if (ready.length) onDue([...new Set(ready.map((d) => d.id))]);
    arm();
  };
  return {
    refresh: async (since) => {
      const from = Math.min(since ?? Date.now(), Date.now());
      const stories = await client.fetch<{ _id: string; publishedAt?: string; unpublishAt?: string }[]>(
        upcomingQuery,
        { now: new Date(from).toISOString() },
        { perspective: 'published' },
      );
      // Handed out before `from`: the publish that began then has shown them.
      for (const key of handed) if (Number.parseInt(key, 10) <= from) handed.delete(key);
      upcoming = dueTimes(stories, from).filter((d) => !handed.has(dueKey(d)));
      arm();
    },
    next: () => upcoming[0],
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
