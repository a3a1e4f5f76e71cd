// The stories of a build, kept by the loader in one SQLite file in Astro's
// cache directory: each story's validated entry (everything pages, feeds and
// search read) and its rendered body (the HTML, and its words as the search
// index holds them), keyed by the digest it was rendered from.
//
// Why not in Astro's data store: Astro bundles its data store into the build
// as one JavaScript module. At 10k stories that module cost, on every build,
// about a second to serialise, a second and a half to bundle and another to
// load again, and about a gigabyte of memory with the bodies in it (measured:
// 1.7 GB against 0.7 GB). A publish that should be live in seconds cannot
// afford that, so the stories collection holds one small pointer per story and
// the catalog reads the entries from here. Why not a file per story: creating
// 10k small files took 5.6 s on the build machine's disk; one SQLite
// transaction takes a fraction of a second.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { isImageAssetId } from '../images/original-registry.ts';
import type { ImageVariant } from '../images/variant.ts';
import type { StoryEntry } from './story-entry.ts';

/** A story's claim to its address, to settle which of two stories with one slug keeps it. */
export type SlugClaim = { _id: string; slug: string; publishedAt: string };

/** A rendered body as the store keeps it. */
export type StoredBody = { html: string; searchText: string };

export type StoryStore = {
  path: string;
  /**
   * Buffers a story's entry and body; `flush` writes what is buffered in one
   * transaction. Every FLUSH_EVERY stories are written as they come, so a first
   * load of 10k stories never holds all their bodies in memory at once.
   */
  put(entry: StoryEntry, body: StoredBody, images: readonly ImageVariant[]): void;
  flush(): void;
  /** Keeps only these stories (and their bodies). */
  retain(ids: ReadonlySet<string>): void;
  /** Image variants the bodies of these stories link to. */
  bodyImages(): ImageVariant[];
  /** Every image asset id (`image-…`) the kept entries refer to: heroes, portraits, cards. */
  imageAssets(): string[];
  /** Kept stories that share their slug with another kept story, live or not (the caller knows which are). */
  sharedSlugs(): SlugClaim[];
  /** The stories kept: id → the digest their entry and body were made from. */
  digests(): Map<string, string>;
  close(): void;
};

// One transaction per this many stories: few enough commits to stay fast on a
// slow disk, few enough bodies buffered to keep the loading build small.
const FLUSH_EVERY = 250;

// Bodies live in a rowid table: in a WITHOUT ROWID table each 4 KB body sits
// in the key's own B-tree, which splits and spills on every insert; writing
// the 10k bodies of a first build cost twice the CPU that way (0.63 s against
// 0.31 s, measured on the benchmark's bodies). The slug and publication time
// have columns of their own so that finding stories that share a slug reads
// no entry: json_extract over 10k entries cost 40-80 ms a build.
const SCHEMA = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = NORMAL;
  CREATE TABLE IF NOT EXISTS body (digest TEXT PRIMARY KEY, html TEXT NOT NULL, search_text TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS story (
    id TEXT PRIMARY KEY, digest TEXT NOT NULL, entry TEXT NOT NULL, images TEXT,
    slug TEXT NOT NULL, published_at TEXT NOT NULL
  );
`;

export function storyStore(path: string): StoryStore {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  forgetOlderLayout(db);
  db.exec(SCHEMA);
  const putBody = db.prepare('INSERT OR REPLACE INTO body (digest, html, search_text) VALUES (?, ?, ?)');
  const putStory = db.prepare(
    'INSERT OR REPLACE INTO story (id, digest, entry, images, slug, published_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const pending: [StoryEntry, StoredBody, readonly ImageVariant[]][] = [];
  const flush = () =>
    transaction(db, () => {
      for (const [entry, body, images] of pending) {
        putBody.run(entry.body.key, body.html, body.searchText);
        const imageList = images.length ? JSON.stringify(images) : null;
        putStory.run(
          entry._id,
          entry.body.key,
          JSON.stringify(entry),
          imageList,
          entry.slug.current,
          entry.publishedAt,
        );
      }
      pending.length = 0;
    });
  return {
    path,
    put: (entry, body, images) => {
      if (pending.push([entry, body, images]) >= FLUSH_EVERY) flush();
    },
    flush,
    retain: (ids) =>
      transaction(db, () => {
        const remove = db.prepare('DELETE FROM story WHERE id = ?');
        for (const { id } of db.prepare('SELECT id FROM story').all() as { id: string }[]) {
          if (!ids.has(id)) remove.run(id);
        }
        db.exec('DELETE FROM body WHERE digest NOT IN (SELECT digest FROM story)');
      }),
    bodyImages: () =>
      (db.prepare('SELECT images FROM story WHERE images IS NOT NULL').all() as { images: string }[]).flatMap(
        (row) => JSON.parse(row.images) as ImageVariant[],
      ),
    imageAssets: () =>
      (
        db
          .prepare(
            `SELECT DISTINCT j.value AS id FROM story, json_tree(story.entry) AS j
             WHERE j.key IN ('_id', '_ref') AND j.type = 'text'`,
          )
          .all() as { id: string }[]
      )
        .map((row) => row.id)
        .filter(isImageAssetId),
    sharedSlugs: () =>
      db
        .prepare(
          `SELECT id AS _id, slug, published_at AS publishedAt FROM story
           WHERE slug IN (SELECT slug FROM story GROUP BY slug HAVING COUNT(*) > 1)`,
        )
        .all() as SlugClaim[],
    digests: () =>
      new Map(
        (db.prepare('SELECT id, digest FROM story').all() as { id: string; digest: string }[]).map((r) => [
          r.id,
          r.digest,
        ]),
      ),
    close: () => db.close(),
  };
}

/**
 * A store written by an older build, whose bodies have no search text or whose
 * stories have no slug column, is emptied: the loader then finds none of its pointers kept (story-loader.ts)
 * and renders every story again, as it would anyway for a renderer change.
 * So is a store with stories but no bodies: its pointers would name bodies
 * that can never be read. Both tables go in one transaction.
 */
function forgetOlderLayout(db: DatabaseSync): void {
  const columns = (table: string) =>
    (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
  const body = columns('body');
  const story = columns('story');
  const current = (body.includes('search_text') && story.includes('slug')) || (body.length === 0 && story.length === 0);
  if (!current) transaction(db, () => db.exec('DROP TABLE IF EXISTS body; DROP TABLE IF EXISTS story;'));
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

/** Every story entry in a store whose id is in `ids` (the collection's members in this build). */
export function readStories(path: string, ids: ReadonlySet<string>): StoryEntry[] {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const rows = db.prepare('SELECT id, entry FROM story').all() as { id: string; entry: string }[];
    return rows.filter((row) => ids.has(row.id)).map((row) => JSON.parse(row.entry) as StoryEntry);
  } finally {
    db.close();
  }
}

const readers = new Map<string, { html: StatementSync; searchText: StatementSync }>();

function readColumn(store: string, digest: string, column: 'html' | 'searchText'): string {
  let read = readers.get(store);
  if (!read) {
    const db = new DatabaseSync(store, { readOnly: true });
    read = {
      html: db.prepare('SELECT html AS text FROM body WHERE digest = ?'),
      searchText: db.prepare('SELECT search_text AS text FROM body WHERE digest = ?'),
    };
    readers.set(store, read);
  }
  const row = read[column].get(digest) as { text: string } | undefined;
  if (!row) throw new Error(`The rendered body ${digest} is missing from ${store}; rebuild to render it again.`);
  return row.text;
}

/** A page's body HTML, from the store and digest its entry names. */
export function readBody(store: string, digest: string): string {
  return readColumn(store, digest, 'html');
}

/** A body's words, for the search index (search-text.ts). */
export function readSearchText(store: string, digest: string): string {
  return readColumn(store, digest, 'searchText');
}
