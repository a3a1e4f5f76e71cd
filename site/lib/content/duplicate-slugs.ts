// Two live stories with one slug would share one page: the later one would be
// unreachable, cards would link to the wrong story and feeds would repeat an
// id. So one keeps the address: the first published, and of two published at
// the same moment the first by _id, so every build picks the same one (the
// order the content host answers in is no order). The other is reported and
// skipped like any invalid document until an editor gives it a slug of its own.
import type { SlugClaim } from './story-store.ts';

export type SlugClash = { story: SlugClaim; keeper: SlugClaim };

/** Among `claims`, the live stories that lose their slug, each with the one that keeps it. */
export function slugClashes(claims: readonly SlugClaim[], live: ReadonlySet<string>): SlugClash[] {
  const ordered = claims
    .filter((c) => live.has(c._id))
    .map((c) => ({ claim: c, at: Date.parse(c.publishedAt) }))
    .sort((a, b) => a.at - b.at || (a.claim._id < b.claim._id ? -1 : a.claim._id > b.claim._id ? 1 : 0));
  const keepers = new Map<string, SlugClaim>();
  const clashes: SlugClash[] = [];
  for (const { claim } of ordered) {
    const keeper = keepers.get(claim.slug);
    if (keeper) clashes.push({ story: claim, keeper });
    else keepers.set(claim.slug, claim);
  }
  return clashes;
}

/** What the editor of the story that lost its slug is told, at the field path `slug`. */
export function slugClashProblem(clash: SlugClash): string {
  return `"${clash.story.slug}" is also the slug of story "${clash.keeper._id}", which keeps it as the first published; give this story a slug of its own`;
}
