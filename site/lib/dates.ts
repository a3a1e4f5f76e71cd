// Dates as a newsroom prints them, fixed to one time zone so every reader and
// every build sees the same text.
const TIME_ZONE = process.env.NEWSROOM_TIME_ZONE ?? 'UTC';

const long = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: TIME_ZONE,
  timeZoneName: 'short',
});

const short = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: TIME_ZONE });

export function formatDateTime(iso: string): string {
  return long.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return short.format(new Date(iso));
}
