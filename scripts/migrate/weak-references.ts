// Makes the references that the schema now declares weak weak in documents
// written before: a quote's "First published in" story (78e596d) and a
// story's related stories (223ea29). Strong, they stop a story from being
// unpublished or deleted while anything points at it, and the Studio only
// writes `_weak` for references an editor picks again. Drafts and published
// documents alike; each patch is conditional on the revision it read, so an
// edit made meanwhile is never overwritten (run it again to pick it up).
import type { SanityClient } from '@sanity/client';

type Found = { _id: string; _rev: string; _type: 'quote' | 'story'; strongRelated: string[] | null };

const STRONG = `*[
  (_type == "quote" && defined(story._ref) && story._weak != true) ||
  (_type == "story" && count(related[defined(_ref) && _weak != true]) > 0)
]{_id, _rev, _type, "strongRelated": related[defined(_ref) && _weak != true]._key}`;

/** Documents per transaction: small enough for any host's request limits. */
const BATCH = 100;

export type MigrationReport = { quotes: number; stories: number; references: number };

export async function migrateWeakReferences(client: SanityClient): Promise<MigrationReport> {
  const raw = client.withConfig({ perspective: 'raw' });
  const found = await raw.fetch<Found[]>(STRONG);
  const report: MigrationReport = { quotes: 0, stories: 0, references: 0 };
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
  return report;
}

/** Keys as the Studio writes them; another (none, or one with quotes) cannot be put in a patch path safely. */
const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

function relatedPaths(doc: Found): string[] {
  return (doc.strongRelated ?? [])
    .filter((key) => typeof key === 'string' && PLAIN_KEY.test(key))
    .map((key) => `related[_key=="${key}"]._weak`);
}
