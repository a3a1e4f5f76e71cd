import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { StoryEntry } from '../../../../site/lib/content/story-entry.ts';
import { readBody, readSearchText, storyStore } from '../../../../site/lib/content/story-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'story-store-test-'));

const entry = (id: string, key: string, slug = id, publishedAt = '2024-03-01T09:00:00Z') =>
  ({ _id: id, slug: { current: slug }, publishedAt, body: { key } }) as unknown as StoryEntry;

describe('the story store', () => {
  it('gives pages the body HTML and the search index its words', () => {
    const path = join(dir, 'fresh.sqlite');
    const store = storyStore(path);
    store.put(entry('story-a', 'digest-a'), { html: '<p>Tehran says.</p>', searchText: 'Tehran says.' }, []);
    store.flush();
    expect(store.digests()).toEqual(new Map([['story-a', 'digest-a']]));
    store.close();
    expect(readBody(path, 'digest-a')).toBe('<p>Tehran says.</p>');
    expect(readSearchText(path, 'digest-a')).toBe('Tehran says.');
    expect(() => readBody(path, 'digest-gone')).toThrow(/digest-gone is missing .*rebuild/);
  });

  it('forgets a store an older build wrote without search text, so every story is rendered again', () => {
    const path = join(dir, 'older.sqlite');
    const old = new DatabaseSync(path);
    old.exec(`CREATE TABLE body (digest TEXT PRIMARY KEY, html TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE story (id TEXT PRIMARY KEY, digest TEXT NOT NULL, entry TEXT NOT NULL, images TEXT);
      INSERT INTO body VALUES ('digest-old', '<p>Old.</p>');
      INSERT INTO story VALUES ('story-old', 'digest-old', '{}', NULL);`);
    old.close();
    const store = storyStore(path);
    // No story is kept, so the loader fetches and renders them all again.
    expect(store.digests().size).toBe(0);
    store.put(entry('story-old', 'digest-new'), { html: '<p>New.</p>', searchText: 'New.' }, []);
    store.flush();
    store.close();
    expect(readSearchText(path, 'digest-new')).toBe('New.');
  });

  it('forgets a store an older build wrote with only the opening 1,000 characters, so whole bodies are indexed', () => {
    const path = join(dir, 'openings.sqlite');
    const old = new DatabaseSync(path);
    old.exec(`CREATE TABLE body (digest TEXT PRIMARY KEY, html TEXT NOT NULL, opening TEXT NOT NULL);
      CREATE TABLE story (id TEXT PRIMARY KEY, digest TEXT NOT NULL, entry TEXT NOT NULL, images TEXT,
        slug TEXT NOT NULL, published_at TEXT NOT NULL);
      INSERT INTO body VALUES ('digest-old', '<p>Old.</p>', 'Old.');
      INSERT INTO story VALUES ('story-old', 'digest-old', '{}', NULL, 'old', '2024-03-01T09:00:00Z');`);
    old.close();
    const store = storyStore(path);
    expect(store.digests().size).toBe(0);
    store.put(entry('story-old', 'digest-new'), { html: '<p>New.</p>', searchText: 'New. And more.' }, []);
    store.flush();
    store.close();
    expect(readSearchText(path, 'digest-new')).toBe('New. And more.');
  });

  it('forgets stories whose bodies are gone, instead of pointing at bodies it can never read', () => {
    const path = join(dir, 'half.sqlite');
    const half = new DatabaseSync(path);
    half.exec(`CREATE TABLE story (id TEXT PRIMARY KEY, digest TEXT NOT NULL, entry TEXT NOT NULL, images TEXT);
      INSERT INTO story VALUES ('story-half', 'digest-half', '{}', NULL);`);
    half.close();
    const store = storyStore(path);
    expect(store.digests().size).toBe(0);
    store.close();
  });

  it('forgets a store an older build wrote without slugs, so stories sharing one can be found', () => {
    const path = join(dir, 'no-slugs.sqlite');
    const old = new DatabaseSync(path);
    old.exec(`CREATE TABLE body (digest TEXT PRIMARY KEY, html TEXT NOT NULL, opening TEXT NOT NULL);
      CREATE TABLE story (id TEXT PRIMARY KEY, digest TEXT NOT NULL, entry TEXT NOT NULL, images TEXT);
      INSERT INTO body VALUES ('digest-old', '<p>Old.</p>', 'Old.');
      INSERT INTO story VALUES ('story-old', 'digest-old', '{}', NULL);`);
    old.close();
    const store = storyStore(path);
    expect(store.digests().size).toBe(0);
    store.close();
  });

  it('finds the stories that share a slug, and only those', () => {
    const store = storyStore(join(dir, 'shared.sqlite'));
    const body = { html: '<p>x</p>', searchText: 'x' };
    store.put(entry('story-a', 'digest-a', 'levy', '2024-03-01T09:00:00Z'), body, []);
    store.put(entry('story-b', 'digest-b', 'levy', '2024-03-02T09:00:00Z'), body, []);
    store.put(entry('story-c', 'digest-c', 'other'), body, []);
    store.flush();
    expect(store.sharedSlugs().sort((x, y) => x._id.localeCompare(y._id))).toEqual([
      { _id: 'story-a', slug: 'levy', publishedAt: '2024-03-01T09:00:00Z' },
      { _id: 'story-b', slug: 'levy', publishedAt: '2024-03-02T09:00:00Z' },
    ]);
    store.close();
  });
});
