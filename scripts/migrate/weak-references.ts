// Makes the references that the schema now declares weak weak in documents
// written before: a quote's "First published in" story (78e596d) and a
// story's related stories (223ea29). Then any strong reference to a document
// the dataset does not have (dangling-references.ts). Strong, they stop a
// story from being unpublished or deleted while anything points at it, and the
// Studio only writes `_weak` for references an editor picks again. Drafts and
// published documents alike; each patch is conditional on the revision it
// read, so an edit made meanwhile is never overwritten (run it again to pick
// it up).
import type { SanityClient } from '@sanity/client';
import { danglingReferences, keyedItem } from './dangling-references.ts';

type Found = { _id: string; _rev: string; _type: 'quote' | 'story'; strongRelated: string[] | null };

const STRONG = `*[
  (_type == "quote" && defined(story._ref) && story._weak != true) ||
  (_type == "story" && count(related[defined(_ref) && _weak != true]) > 0)
]{_id, _rev, _type, "strongRelated": related[defined(_ref) && _weak != true]._key}`;

/** Documents per transaction: small enough for any host's request limits. */
const BATCH = 100;

/** `dangling`: strong references to documents the dataset does not have, made weak (dangling-references.ts). */
export type MigrationReport = { quotes: number; stories: number; references: number; dangling: number };

export async function migrateWeakReferences(client: SanityClient): Promise<MigrationReport> {
  const raw = client.withConfig({ perspective: 'raw' });
  const found = await raw.fetch<Found[]>(STRONG);
  const report: MigrationReport = { quotes: 0, stories: 0, references: 0, dangling: 0 };
  for (let start = 0; start < found.length; start += BATCH) {
    const transaction = raw.transaction();
    for (const doc of found.slice(start, start + BATCH)) {
      const paths = doc._type === 'quote' ? ['story._weak'] : relatedPaths(doc);
      if (paths.length === 0) continue;
      transaction.patch(doc._id, (patch) =>
        patch.ifRevisionId(doc._rev).set(Object.fromEntries(paths.map((path) => [path, true]))),
      );
      if (doc._type === 'quote') report.quotes++;
      else report.stories++;
      report.references += paths.length;
    }
    await transaction.commit({ visibility: 'async' });
  }
  report.dangling = await weakenDangling(raw);
  return report;
}

/**
 * Reads every document a page at a time (release versions aside: their
 * references are checked when the release publishes) and makes its strong
 * references to missing documents weak, each patch conditional on the
 * revision read. A reference's target is a published id: a draft alone does
 * not count, as Content Lake counts it.
 */
async function weakenDangling(raw: SanityClient): Promise<number> {
  const ids = new Set(await raw.fetch<string[]>('*[]._id'));
  const exists = (id: string) => ids.has(id);
  let made = 0;
  let after = '';
  for (;;) {
    const page = await raw.fetch<{ _id: string; _rev: string }[]>(
      `*[_id > $after && !(_id in path("versions.**"))] | order(_id asc) [0...${BATCH}]`,
      { after },
    );
    if (page.length === 0) return made;
    after = page[page.length - 1]?._id ?? after;
    const transaction = raw.transaction();
    for (const doc of page) {
      const found = danglingReferences(doc, exists);
      if (found.length === 0) continue;
      transaction.patch(doc._id, (patch) =>
        patch.ifRevisionId(doc._rev).set(Object.fromEntries(found.map((ref) => [ref.path, true]))),
      );
      made += found.length;
    }
    if (transaction.serialize().length > 0) await transaction.commit({ visibility: 'async' });
  }
}

function relatedPaths(doc: Found): string[] {
  return (doc.strongRelated ?? []).flatMap((key) => {
    const item = keyedItem(key);
    return item ? [`related${item}._weak`] : [];
  });
}
