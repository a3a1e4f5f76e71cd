// How the Studio's lists write an instant: to the minute, in UTC, named as
// such. Editors in different bureaus read the same list, so a time without
// its zone would mean different moments to them.

/** `2026-05-01 09:00 UTC`, or undefined for text that is not a time. */
export function utcMinute(iso: unknown): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
