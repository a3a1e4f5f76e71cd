// Two documents that refer to each other strongly can never be deleted or
// unpublished one at a time: Content Lake refuses to remove a document that
// another still refers to strongly, and the Studio removes one at a time.
import { strongRefs } from '../../../lake/groq/outgoing-refs.ts';

/** "a <-> b" for every pair of documents that refer to each other strongly. */
export function mutualStrongReferences(documents: readonly { _id: string }[]): string[] {
  const byId = new Map(documents.map((doc) => [doc._id, doc]));
  const pairs: string[] = [];
  for (const doc of documents) {
    for (const target of strongRefs(doc)) {
      const other = byId.get(target);
      if (other && doc._id < target && strongRefs(other).has(doc._id)) pairs.push(`${doc._id} <-> ${target}`);
    }
  }
  return pairs;
}
