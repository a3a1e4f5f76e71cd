// Dates are printed from a template and per-day zone offsets (zone-clock.ts)
// rather than by Intl for each instant; they must read exactly as Intl prints
// them, in any zone, on any day, including the days clocks change.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zoneClock } from '../../../site/lib/zone-clock.ts';

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Asia/Kathmandu', // +5:45
  'Australia/Lord_Howe', // daylight saving of half an hour
  'America/St_Johns', // -3:30, with daylight saving
  'Pacific/Chatham', // +12:45 / +13:45
  'Africa/Casablanca', // clocks change around Ramadan
];

const MINUTE = 60_000;
const DAY = 86_400_000;
const from = Date.UTC(2025, 0, 1);
const to = Date.UTC(2027, 0, 1);

/**
 * Instants every 97 minutes over two years, and every 7 minutes of the days
 * a zone's clock changes and of the days either side, where the per-day
 * offsets are used right up to the change.
 */
function instants(zone: string): number[] {
  const clock = zoneClock(zone);
  const out: number[] = [];
  for (let ms = from; ms < to; ms += 97 * MINUTE + 1_234) out.push(ms);
  for (let day = from; day < to; day += DAY)
    if (!clock(day)) for (let ms = day - DAY; ms < day + 2 * DAY; ms += 7 * MINUTE) out.push(ms);
  return out;
}

async function datesIn(zone: string) {
  vi.resetModules();
  vi.stubEnv('NEWSROOM_TIME_ZONE', zone);
  return import('../../../site/lib/dates.ts');
}

/** Runs `work` counting calls of Intl.DateTimeFormat's format (a getter handing out a bound function). */
function countingFormatCalls(work: () => void): number {
  const proto = Intl.DateTimeFormat.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'format') as PropertyDescriptor;
  let calls = 0;
  Object.defineProperty(proto, 'format', {
    ...original,
    get() {
      calls++;
      return original.get?.call(this);
    },
  });
  try {
    work();
  } finally {
    Object.defineProperty(proto, 'format', original);
  }
  return calls;
}

const intlLong = (zone: string) =>
  new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  });

afterEach(() => vi.unstubAllEnvs());

describe.each(ZONES)('dates in %s', (zone) => {
  it('print every instant as Intl does: long and short forms, and the calendar day', async () => {
    const { formatDateTime, formatDate, calendarDay, dayKey } = await datesIn(zone);
    const clock = zoneClock(zone);
    const all = instants(zone);
    const printed: [string, string, string][] = [];
    // Only instants on days the clock changes are left to Intl; every other one comes from the template.
    const onChangeDays = all.filter((ms) => !clock(ms)).length;
    const calls = countingFormatCalls(() => {
      for (const ms of all) {
        const iso = new Date(ms).toISOString();
        printed.push([formatDateTime(iso), formatDate(iso), dayKey(calendarDay(iso))]);
      }
    });
    const long = intlLong(zone);
    const short = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: zone });
    const isoDay = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: zone,
    });
    all.forEach((ms, i) => {
      const iso = new Date(ms).toISOString();
      expect(printed[i], iso).toEqual([long.format(ms), short.format(ms), isoDay.format(ms)]);
    });
    expect(all.length).toBeGreaterThan(10_000);
    // Long form, short form and calendar day each ask Intl on the days clocks change;
    // otherwise only the short form does, once per calendar day shown (two years' worth).
    expect(calls).toBeLessThanOrEqual(3 * onChangeDays + 2 * 366 + 2);
  });
});

describe('dates far from now', () => {
  it.each([
    ['0050-06-01T12:00:00Z'],
    ['0999-12-31T23:59:00Z'],
    ['-000044-03-15T12:00:00Z'],
    ['+275760-09-13T00:00:00Z'],
  ])('leaves %s to Intl, and prints it as Intl does', async (iso) => {
    const { formatDateTime, formatDate, calendarDay } = await datesIn('America/New_York');
    const ms = Date.parse(iso);
    expect(formatDateTime(iso)).toBe(intlLong('America/New_York').format(ms));
    expect(formatDate(iso)).toBe(
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'America/New_York' }).format(ms),
    );
    expect(() => calendarDay(iso)).not.toThrow();
  });

  it('does not confuse year 50 with 1950', async () => {
    const { formatDate, calendarDay } = await datesIn('UTC');
    expect(formatDate('0050-06-01T12:00:00Z')).toBe('Jun 1, 50');
    expect(formatDate('1950-06-01T12:00:00Z')).toBe('Jun 1, 1950');
    expect(calendarDay('0050-06-01T12:00:00Z').year).toBe(50);
  });
});

describe('formatDateTime', () => {
  it('asks Intl about days, not about each instant', async () => {
    const { formatDateTime } = await datesIn('America/New_York');
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    // A thousand stories published over ten days.
    const formats = countingFormatCalls(() => {
      for (let i = 0; i < 1000; i++) formatDateTime(new Date(Date.UTC(2026, 5, 1) + i * 863_000).toISOString());
    });
    formatToParts.mockRestore();
    // The template was checked when the module loaded; each of the ten days costs two offsets.
    expect(formats).toBe(0);
    expect(formatToParts.mock.calls.length).toBeLessThanOrEqual(22);
  });
});

describe('zoneClock', () => {
  it('leaves the days a zone changes its clocks to Intl, and no others', () => {
    const clock = zoneClock('Europe/London');
    const changing = [];
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000)
      if (!clock(day)) changing.push(new Date(day).toISOString().slice(0, 10));
    expect(changing).toEqual(['2026-03-29', '2026-10-25']);
    expect(zoneClock('UTC')(Date.UTC(2026, 2, 29, 12))).toMatchObject({ hour: 12, zoneName: 'UTC' });
  });

  it('gives nothing for an instant that is not a date', () => {
    expect(zoneClock('UTC')(Number.NaN)).toBeUndefined();
  });
});
