// Wall-clock fields of instants in one time zone, without asking Intl for
// each instant. A 10k-story build prints a date for every story on its page
// and in every list it is in; formatting each with Intl took 0.4 s of the
// page renderer's thread (Intl with a time zone costs tens of microseconds a
// call). A zone's offset changes only at daylight-saving transitions, so
// Intl is asked twice per UTC day, at its first and last millisecond; when
// both give the same offset and name, every instant of that day is worked
// out with arithmetic. A day with a transition in it gets no fields here,
// and the caller asks Intl itself.

export type WallClock = {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** 0-23 */
  hour: number;
  minute: number;
  /** The zone's short name on that day, as Intl prints it (e.g. "UTC", "EST", "GMT+5:45"). */
  zoneName: string;
};

const DAY_MS = 86_400_000;

// Years 1000-9999 only: Date.UTC reads years 0-99 as 19xx, Intl prints eras
// and short years outside this range, and the last days a Date can hold
// cannot be probed a day ahead. News is dated well inside it; anything else
// is left to Intl.
const FIRST = Date.UTC(1000, 0, 2);
const LAST = Date.UTC(9999, 11, 30);

export type ZoneClock = (ms: number) => WallClock | undefined;

/** A clock for `timeZone` that caches what it learns per UTC day. */
export function zoneClock(timeZone: string): ZoneClock {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    timeZoneName: 'short',
  });
  /** A day's offset (ms) and zone name, or null where it changes during the day. */
  const days = new Map<number, { offset: number; zoneName: string } | null>();
  const offsetAt = (ms: number) => {
    const parts: Record<string, string> = {};
    for (const p of fields.formatToParts(ms)) parts[p.type] = p.value;
    // The wall clock read back as if it were UTC, minus the instant (to the second).
    const wall = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    return { offset: wall - (ms - (((ms % 1000) + 1000) % 1000)), zoneName: parts.timeZoneName ?? '' };
  };
  return (ms) => {
    if (!(ms >= FIRST && ms <= LAST)) return undefined;
    const dayIndex = Math.floor(ms / DAY_MS);
    let day = days.get(dayIndex);
    if (day === undefined) {
      const first = offsetAt(dayIndex * DAY_MS);
      const last = offsetAt(dayIndex * DAY_MS + DAY_MS - 1);
      day = first.offset === last.offset && first.zoneName === last.zoneName ? first : null;
      days.set(dayIndex, day);
    }
    if (!day) return undefined;
    const wall = new Date(ms + day.offset);
    return {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      zoneName: day.zoneName,
    };
  };
}
