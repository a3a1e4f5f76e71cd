// Dates as a newsroom prints them, fixed to one time zone so every reader and
// every build sees the same text.
const TIME_ZONE = process.env.NEWSROOM_TIME_ZONE ?? 'UTC';

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

export function formatDateTime(iso: string): string {
  return long.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return short.format(new Date(iso));
}
