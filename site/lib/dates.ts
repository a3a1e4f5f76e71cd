// Dates as a newsroom prints them, fixed to one time zone so every reader and
// every build sees the same text.
import { type WallClock, zoneClock } from './zone-clock.ts';

export const TIME_ZONE = process.env.NEWSROOM_TIME_ZONE || 'UTC';

// dateStyle cannot be combined with timeZoneName, so the fields are spelled out.
const LONG: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};
const long = new Intl.DateTimeFormat('en-US', { ...LONG, timeZone: TIME_ZONE });

const short = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: TIME_ZONE });

// A story's date is printed on its page and in every list it is in. Intl with
// a time zone is slow enough, at 10k stories, to be asked only once per zone
// offset per day (zone-clock.ts); the words come from a template Intl made.
const clock = zoneClock(TIME_ZONE);

/**
 * Where each field goes in `long`'s text, and the words between them as
 * format() prints them: V8's format() prints a plain space where
 * formatToParts() gives ICU's narrow no-break space before "AM".
 */
function templateOf(formatter: Intl.DateTimeFormat, ms: number): Intl.DateTimeFormatPart[] {
  const text = formatter.format(ms);
  const template: Intl.DateTimeFormatPart[] = [];
  let at = 0;
  for (const part of formatter.formatToParts(ms)) {
    if (part.type === 'literal') continue;
    const found = text.indexOf(part.value, at);
    // Unaligned: the template is then wrong, and templateAgrees below finds so.
    if (found < 0) return formatter.formatToParts(ms);
    if (found > at) template.push({ type: 'literal', value: text.slice(at, found) });
    template.push(part);
    at = found + part.value.length;
  }
  if (at < text.length) template.push({ type: 'literal', value: text.slice(at) });
  return template;
}

const LONG_TEMPLATE = templateOf(
  new Intl.DateTimeFormat('en-US', { ...LONG, timeZone: 'UTC' }),
  Date.UTC(2001, 0, 2, 3, 4),
);
const monthNames = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });
const MONTHS = Array.from({ length: 12 }, (_, i) => monthNames.format(Date.UTC(2001, i, 15)));
const hourOnly = new Intl.DateTimeFormat('en-US', { hour: 'numeric', timeZone: 'UTC' });
const period = (hour: number) =>
  hourOnly.formatToParts(Date.UTC(2001, 0, 1, hour)).find((p) => p.type === 'dayPeriod')?.value ?? '';
const PERIODS = [period(9), period(21)];

function fromTemplate(w: WallClock): string {
  let text = '';
  for (const part of LONG_TEMPLATE) {
    if (part.type === 'month') text += MONTHS[w.month - 1];
    else if (part.type === 'day') text += w.day;
    else if (part.type === 'year') text += w.year;
    else if (part.type === 'hour') text += w.hour % 12 || 12;
    else if (part.type === 'minute') text += String(w.minute).padStart(2, '0');
    else if (part.type === 'dayPeriod') text += PERIODS[w.hour < 12 ? 0 : 1];
    else if (part.type === 'timeZoneName') text += w.zoneName;
    else text += part.value;
  }
  return text;
}

// The template is checked against Intl itself once, on a morning in January
// and an afternoon in July (standard and summer time); an ICU that words
// dates differently gets Intl for every date instead.
const templateAgrees = [Date.UTC(2001, 0, 2, 3, 4), Date.UTC(2001, 6, 2, 15, 4)].every((ms) => {
  const wall = clock(ms);
  return wall !== undefined && fromTemplate(wall) === long.format(ms);
});

export function formatDateTime(iso: string): string {
  const ms = Date.parse(iso);
  const wall = templateAgrees ? clock(ms) : undefined;
  return wall ? fromTemplate(wall) : long.format(ms);
}

// A short date names a day, so it is asked of Intl once per day shown.
const shortByDay = new Map<number, string>();

export function formatDate(iso: string): string {
  const ms = Date.parse(iso);
  const wall = clock(ms);
  if (!wall) return short.format(ms);
  const key = wall.year * 10_000 + wall.month * 100 + wall.day;
  let text = shortByDay.get(key);
  if (text === undefined) {
    text = short.format(ms);
    shortByDay.set(key, text);
  }
  return text;
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
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  const wall = clock(ms);
  if (wall) return { year: wall.year, month: wall.month, day: wall.day };
  const [year = 0, month = 0, day = 0] = isoDay.format(ms).split('-').map(Number);
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
