// Dates as a newsroom prints them, fixed to one time zone so every reader and
// every build sees the same text.
export const TIME_ZONE = process.env.NEWSROOM_TIME_ZONE ?? 'UTC';

// dateStyle cannot be combined with timeZoneName, so the fields are spelled out.
const long = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: TIME_ZONE,
  timeZoneName: 'short',
});

const short = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: TIME_ZONE });

// A story's date is printed on its page and on every list it is in; Intl
// formatting is slow enough, at 10k stories, to be worth doing once per value.
const printed = new Map<string, string>();

function once(format: Intl.DateTimeFormat, kind: string, iso: string): string {
  const key = kind + iso;
  let text = printed.get(key);
  if (text === undefined) {
    text = format.format(new Date(iso));
    printed.set(key, text);
  }
  return text;
}

export function formatDateTime(iso: string): string {
  return once(long, 'l', iso);
}

export function formatDate(iso: string): string {
  return once(short, 's', iso);
}

export type CalendarDay = { year: number; month: number; day: number };

// en-CA prints dates as YYYY-MM-DD, which parses back without formatToParts.
const isoDay = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: TIME_ZONE,
});

/** The calendar day a moment falls on in the newsroom's time zone: archive pages are per day. */
export function calendarDay(iso: string | number): CalendarDay {
  const [year = 0, month = 0, day = 0] = isoDay.format(new Date(iso)).split('-').map(Number);
  return { year, month, day };
}

/** `YYYY-MM-DD` of a calendar day, e.g. for `<time datetime>`. */
export function dayKey(d: CalendarDay): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

// The calendar day is already in the newsroom's zone; format it as such, not shifted again.
const monthName = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'UTC' });
const dayName = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' });

export function formatMonth(d: Pick<CalendarDay, 'year' | 'month'>): string {
  return monthName.format(Date.UTC(d.year, d.month - 1, 1));
}

export function formatDay(d: CalendarDay): string {
  return dayName.format(Date.UTC(d.year, d.month - 1, d.day));
}
