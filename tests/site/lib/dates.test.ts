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
const from = Date.UTC(2025, 0, 1);
const to = Date.UTC(2027, 0, 1);

/** Instants every 97 minutes over two years, and each minute of the days a zone's clock changes. */
function instants(zone: string): number[] {
  const clock = zoneClock(zone);
  const out: number[] = [];
  for (let ms = from; ms < to; ms += 97 * MINUTE + 1_234) out.push(ms);
  for (let day = from; day < to; day += 86_400_000)
    if (!clock(day)) for (let ms = day; ms < day + 86_400_000; ms += 7 * MINUTE) out.push(ms);
  return out;
}

async function datesIn(zone: string) {
  vi.resetModules();
  vi.stubEnv('NEWSROOM_TIME_ZONE', zone);
  return import('../../../site/lib/dates.ts');
}

afterEach(() => vi.unstubAllEnvs());

describe.each(ZONES)('dates in %s', (zone) => {
  it('print every instant as Intl does: long and short forms, and the calendar day', async () => {
    const { formatDateTime, formatDate, calendarDay } = await datesIn(zone);
    const long = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zone,
      timeZoneName: 'short',
    });
    const short = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: zone });
    const isoDay = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: zone,
    });
    const all = instants(zone);
    for (const ms of all) {
      const iso = new Date(ms).toISOString();
      expect(formatDateTime(iso), iso).toBe(long.format(ms));
      expect(formatDate(iso), iso).toBe(short.format(ms));
      const { year, month, day } = calendarDay(iso);
      expect(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, iso).toBe(isoDay.format(ms));
    }
    expect(all.length).toBeGreaterThan(10_000);
  });
});

describe('formatDateTime', () => {
  it('asks Intl about days, not about each instant', async () => {
    const { formatDateTime } = await datesIn('America/New_York');
    // `format` is a getter handing out a bound function, so each call reads it once.
    const proto = Intl.DateTimeFormat.prototype;
    const original = Object.getOwnPropertyDescriptor(proto, 'format') as PropertyDescriptor;
    let formats = 0;
    Object.defineProperty(proto, 'format', {
      ...original,
      get() {
        formats++;
        return original.get?.call(this);
      },
    });
    const formatToParts = vi.spyOn(proto, 'formatToParts');
    try {
      // A thousand stories published over ten days.
      for (let i = 0; i < 1000; i++) formatDateTime(new Date(Date.UTC(2026, 5, 1) + i * 863_000).toISOString());
    } finally {
      Object.defineProperty(proto, 'format', original);
      formatToParts.mockRestore();
    }
    // One check of the template against Intl, and two offsets for each of the ten days.
    expect(formats).toBe(1);
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
