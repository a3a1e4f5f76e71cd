// The date archive: days with stories, grouped into months, newest first.
import type { ArchiveDay } from './build-catalog.ts';

export type ArchiveMonth = { year: number; month: number; days: ArchiveDay[]; count: number };

export function archiveMonths(days: readonly ArchiveDay[]): ArchiveMonth[] {
  const months: ArchiveMonth[] = [];
  for (const day of days) {
    let month = months.at(-1);
    if (!month || month.year !== day.year || month.month !== day.month) {
      month = { year: day.year, month: day.month, days: [], count: 0 };
      months.push(month);
    }
    month.days.push(day);
    month.count += day.stories.length;
  }
  return months;
}
