// A write the disk had no room for: SQLite's SQLITE_FULL (the disk, or the
// database's size limit, maxDatabaseBytes) and the file system's ENOSPC and
// EDQUOT (asset uploads). Such a write stored nothing, and the same request
// succeeds once space is freed, so it is answered and logged as that, not as
// a bug with a stack trace.

/** SQLite's primary result code for "database or disk is full". */
const SQLITE_FULL = 13;
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number') return (errcode & 0xff) === SQLITE_FULL;
  return typeof code === 'string' && NO_SPACE.has(code);
}
