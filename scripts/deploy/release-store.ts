// The release store: one SQLite file holding every file's contents once (with
// its brotli and gzip forms), each release's manifest, and which release is
// live, with a record of every switch. On this machine's disk, creating 30k
// small files for a full deploy took longer than the build; one transaction
// takes about a second. Switching releases is one committed row, so a reader
// never sees a half-switched site, and rollback is the same update back.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../../lake/store/open-database.ts';
import { type ReleaseManifest, releaseManifest } from './manifest.ts';
import { pruneReleases } from './prune-releases.ts';

export type Encoding = 'br' | 'gz';
export type Blob = { hash: string; bytes: Buffer; br?: Buffer; gz?: Buffer };

export type ReleaseStore = {
  root: string;
  hasBlob(hash: string): boolean;
  readBlob(hash: string, encoding?: Encoding): Buffer | undefined;
  encodings(hash: string): Encoding[];
  /** Writes blobs not already stored, in one transaction. */
  putBlobs(blobs: readonly Blob[]): void;
  readManifest(id: string): ReleaseManifest;
  /** Releases, oldest first. */
  list(): ReleaseManifest[];
  /** Release ids and times, oldest first, without reading their manifests (rollback needs no more). */
  summaries(): { id: string; createdAt: string }[];
  liveId(): string | undefined;
  /**
   * Stores a new release's manifest and makes it live, in one transaction, or
   * throws ReleaseIncomplete (nothing changed) if the store lacks a file it names.
   */
  goLive(manifest: ReleaseManifest): void;
  /** Makes a kept release live again, recorded as a rollback. */
  rollBackTo(id: string): void;
  /**
   * The release that was live when `id` was deployed (null if none was), or
   * undefined if the store has no record of that deploy (one made before
   * switches were recorded).
   */
  liveBefore(id: string): string | null | undefined;
  /**
   * Every path a story's page has had in a release made live here, with the
   * last story that had it (old path → story id); kept whatever is pruned.
   */
  storyPathHistory(): Map<string, string>;
  /** How many releases are kept. */
  count(): number;
  /** Keeps the newest `keep` releases (and the live one) and the blobs they use (see prune-releases.ts). */
  prune(keep: number): { releases: number; blobs: number };
  /** Extracted links per page content hash, kept for validation (see validate-release.ts). */
  links: { get(hash: string): string[] | undefined; set(entries: Iterable<[string, string[]]>): void };
  close(): void;
};

const SCHEMA = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = NORMAL;
  CREATE TABLE IF NOT EXISTS blob (hash TEXT NOT NULL, encoding TEXT NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (hash, encoding));
  CREATE TABLE IF NOT EXISTS release (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, manifest TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS live (one INTEGER PRIMARY KEY CHECK (one = 1), id TEXT NOT NULL REFERENCES release (id));
  CREATE TABLE IF NOT EXISTS page_links (hash TEXT PRIMARY KEY, links TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS switch (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('deploy', 'rollback')), from_id TEXT, to_id TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS switch_to ON switch (to_id, kind);
  CREATE TABLE IF NOT EXISTS story_path (path TEXT PRIMARY KEY, story_id TEXT NOT NULL);
`;

/** The store's file in its directory. */
export const RELEASES_DB = 'releases.db';

export function releaseStore(root: string): ReleaseStore {
  mkdirSync(root, { recursive: true });
  // A rollback, or the edge's first read, may meet a deploy's blob transaction
  // (about a second at 10k pages): wait for it rather than fail "database is locked".
  const db = new DatabaseSync(join(root, RELEASES_DB), { timeout: 5000 });
  db.exec(SCHEMA);
  const q = {
    has: db.prepare(`SELECT 1 FROM blob WHERE hash = ? AND encoding = ''`),
    read: db.prepare('SELECT bytes FROM blob WHERE hash = ? AND encoding = ?'),
    encodings: db.prepare(`SELECT encoding FROM blob WHERE hash = ? AND encoding != ''`),
    insert: db.prepare('INSERT OR IGNORE INTO blob (hash, encoding, bytes) VALUES (?, ?, ?)'),
    manifest: db.prepare('SELECT manifest FROM release WHERE id = ?'),
    writeManifest: db.prepare('INSERT OR REPLACE INTO release (id, created_at, manifest) VALUES (?, ?, ?)'),
    list: db.prepare('SELECT manifest FROM release ORDER BY created_at, id'),
    summaries: db.prepare('SELECT id, created_at AS createdAt FROM release ORDER BY created_at, id'),
    live: db.prepare('SELECT id FROM live WHERE one = 1'),
    setLive: db.prepare('INSERT INTO live (one, id) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET id = excluded.id'),
    exists: db.prepare('SELECT 1 FROM release WHERE id = ?'),
    recordSwitch: db.prepare(
      `INSERT INTO switch (at, kind, from_id, to_id) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ'), ?, (SELECT id FROM live WHERE one = 1), ?)`,
    ),
    liveBefore: db.prepare(`SELECT from_id AS id FROM switch WHERE to_id = ? AND kind = 'deploy' ORDER BY seq DESC`),
    missing: db.prepare(
      `SELECT j.value AS hash FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 FROM blob WHERE hash = j.value AND encoding = '')`,
    ),
    storyPaths: db.prepare('SELECT path, story_id AS id FROM story_path'),
    recordStoryPath: db.prepare(
      'INSERT INTO story_path (path, story_id) VALUES (?, ?) ON CONFLICT (path) DO UPDATE SET story_id = excluded.story_id',
    ),
    getLinks: db.prepare('SELECT links FROM page_links WHERE hash = ?'),
    setLinks: db.prepare('INSERT OR REPLACE INTO page_links (hash, links) VALUES (?, ?)'),
  };
  const transaction = (work: () => void) => inTransaction(db, work);
  // Manifests are this store's own writing, checked when written; reading them
  // back is on every deploy's path, and a zod pass over 12k file entries per
  // release cost more than the JSON parse itself.
  const parse = (row: unknown) => JSON.parse((row as { manifest: string }).manifest) as ReleaseManifest;
  const linkCache = new Map<string, string[]>();
  const list = () => q.list.all().map(parse);
  const liveId = () => (q.live.get() as { id: string } | undefined)?.id;

  return {
    root,
    hasBlob: (hash) => q.has.get(hash) !== undefined,
    readBlob: (hash, encoding) => {
      const row = q.read.get(hash, encoding ?? '') as { bytes: Uint8Array } | undefined;
      return row ? Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : undefined;
    },
    encodings: (hash) => (q.encodings.all(hash) as { encoding: Encoding }[]).map((r) => r.encoding),
    putBlobs: (blobs) =>
      transaction(() => {
        for (const blob of blobs) {
          q.insert.run(blob.hash, '', blob.bytes);
          if (blob.br) q.insert.run(blob.hash, 'br', blob.br);
          if (blob.gz) q.insert.run(blob.hash, 'gz', blob.gz);
        }
      }),
    readManifest: (id) => {
      const row = q.manifest.get(id);
      if (!row) throw new Error(`There is no release ${id}. See \`npm run releases\`.`);
      return parse(row);
    },
    count: () => (db.prepare('SELECT count(*) AS n FROM release').get() as { n: number }).n,
    list,
    summaries: () => q.summaries.all() as { id: string; createdAt: string }[],
    liveId,
    goLive: (manifest) =>
      transaction(() => {
        // Checked inside the switch's own transaction: nothing can drop a blob
        // between this check and the release going live.
        const hashes = [...new Set(Object.values(manifest.files).map((f) => f.hash))];
        const missing = new Set((q.missing.all(JSON.stringify(hashes)) as { hash: string }[]).map((r) => r.hash));
        if (missing.size) throw new ReleaseIncomplete(manifest, missing);
        q.writeManifest.run(manifest.id, manifest.createdAt, JSON.stringify(releaseManifest.parse(manifest)));
        q.recordSwitch.run('deploy', manifest.id);
        q.setLive.run(manifest.id);
        // With the switch, so the edge never sees a release whose story paths the history lacks.
        for (const [id, path] of Object.entries(manifest.stories ?? {})) q.recordStoryPath.run(path, id);
      }),
    rollBackTo: (id) =>
      transaction(() => {
        if (!q.exists.get(id)) throw new Error(`There is no release ${id}. See \`npm run releases\`.`);
        q.recordSwitch.run('rollback', id);
        q.setLive.run(id);
      }),
    liveBefore: (id) => {
      const row = q.liveBefore.get(id) as { id: string | null } | undefined;
      return row ? row.id : undefined;
    },
    storyPathHistory: () => new Map((q.storyPaths.all() as { path: string; id: string }[]).map((r) => [r.path, r.id])),
    prune: (keep) => pruneReleases(db, { releases: list(), live: liveId(), keep, linkCache }),
    links: {
      // Held in memory too: a long-running publisher checks every page's links on every deploy.
      get: (hash) => {
        let links = linkCache.get(hash);
        if (!links) {
          const row = q.getLinks.get(hash) as { links: string } | undefined;
          links = row ? (JSON.parse(row.links) as string[]) : undefined;
          if (links) linkCache.set(hash, links);
        }
        return links;
      },
      set: (entries) =>
        transaction(() => {
          for (const [hash, links] of entries) {
            q.setLinks.run(hash, JSON.stringify(links));
            linkCache.set(hash, links);
          }
        }),
    },
    close: () => db.close(),
  };
}

/** A release that would serve 500 for some of its paths, refused before it went live. */
export class ReleaseIncomplete extends Error {
  override readonly name = 'ReleaseIncomplete';
  readonly hint =
    'The live site was not changed. Deploy again; if it happens again, something else is pruning the store.';
  readonly missing: string[];
  constructor(manifest: ReleaseManifest, hashes: ReadonlySet<string>) {
    const paths = Object.entries(manifest.files)
      .filter(([, file]) => hashes.has(file.hash))
      .map(([path]) => path);
    const shown = paths.slice(0, 5).join(', ') + (paths.length > 5 ? ` and ${paths.length - 5} more` : '');
    super(`Release ${manifest.id} was not made live: the release store lacks the contents of ${shown}.`);
    this.missing = paths;
  }
}
