// Rendered story bodies, kept in one SQLite file beside Astro's data store and
// keyed by the digest of what they were rendered from.
//
// Why not in the data store: Astro bundles its data store into the build as a
// JavaScript module, so 10k bodies there cost seconds to serialise and compile
// and about a gigabyte of memory (measured: 1.7 GB against 0.7 GB for the same
// build). Why not a file per body: creating 10k small files took 5.6 s on the
// build machine's disk; one SQLite transaction takes a fraction of a second.
// Bodies are immutable, so one rendered for an earlier build is reused as is.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

export type BodyStore = {
  path: string;
  has(digest: string): boolean;
  /** Buffers a body; `flush` writes the buffered ones in one transaction. */
  put(digest: string, html: string): void;
  flush(): void;
  /** Deletes bodies no current document renders to. */
  prune(keep: ReadonlySet<string>): void;
  close(): void;
};

export function bodyStore(path: string): BodyStore {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  db.exec('CREATE TABLE IF NOT EXISTS body (digest TEXT PRIMARY KEY, html TEXT NOT NULL) WITHOUT ROWID');
  const has = db.prepare('SELECT 1 FROM body WHERE digest = ?');
  const insert = db.prepare('INSERT OR REPLACE INTO body (digest, html) VALUES (?, ?)');
  const pending: [string, string][] = [];
  return {
    path,
    has: (digest) => has.get(digest) !== undefined,
    put: (digest, html) => {
      pending.push([digest, html]);
    },
    flush: () => {
      transaction(db, () => {
        for (const [digest, html] of pending) insert.run(digest, html);
      });
      pending.length = 0;
    },
    prune: (keep) => {
      const all = db.prepare('SELECT digest FROM body').all() as { digest: string }[];
      const remove = db.prepare('DELETE FROM body WHERE digest = ?');
      transaction(db, () => {
        for (const { digest } of all) if (!keep.has(digest)) remove.run(digest);
      });
    },
    close: () => db.close(),
  };
}

function transaction(db: DatabaseSync, work: () => void): void {
  db.exec('BEGIN');
  try {
    work();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

const readers = new Map<string, StatementSync>();

/** A page's body HTML, from the store and digest its entry names. */
export function readBody(store: string, digest: string): string {
  let read = readers.get(store);
  if (!read) {
    read = new DatabaseSync(store, { readOnly: true }).prepare('SELECT html FROM body WHERE digest = ?');
    readers.set(store, read);
  }
  const row = read.get(digest) as { html: string } | undefined;
  if (!row) throw new Error(`The rendered body ${digest} is missing from ${store}; rebuild to render it again.`);
  return row.html;
}
