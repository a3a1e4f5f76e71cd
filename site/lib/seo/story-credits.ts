// Who a story names as its authors where machines read them: the NewsArticle's
// `author`, RSS <dc:creator>, Atom and JSON Feed authors, article:author.
// Google's Article guidance: `author` is whoever wrote the article. A byline
// also credits people who did not write it, so only the roles that write the
// words count:
// - Reporter and Writer write the story.
// - Analysis is the byline of the writer of an analysis piece.
// - Contributor is, in newsroom usage, contributed reporting or writing ("with
//   additional reporting by"), so it is authorship too.
// - Editor and Photographer shaped or pictured the story without writing it:
//   they are schema.org `contributor`s (the photographer is also the photo's
//   creator in its ImageObject).
// A story credited only to non-writing roles names them all as its authors
// rather than none, so a story with bylines is never authorless. The story
// page itself prints every byline with its role (components/Byline.astro).
import type { StoryEntry } from '../content/story-entry.ts';

type Byline = NonNullable<StoryEntry['bylines']>[number];

/** Whether a byline role wrote the story; every role must decide. */
const WRITES = {
  Reporter: true,
  Writer: true,
  Analysis: true,
  Contributor: true,
  Editor: false,
  Photographer: false,
} as const satisfies Record<Byline['role'], boolean>;

export type StoryCredits = {
  /** The people who wrote the story, each once, in byline order. */
  authors: Byline['person'][];
  /** Everyone else on the byline who is not already an author. */
  contributors: Byline['person'][];
};

export function storyCredits(story: Pick<StoryEntry, 'bylines'>): StoryCredits {
  const bylines = story.bylines ?? [];
  const writers = bylines.filter((b) => WRITES[b.role]);
  const authors = people(writers.length > 0 ? writers : bylines);
  const named = new Set(authors.map((p) => p._id));
  return { authors, contributors: people(bylines).filter((p) => !named.has(p._id)) };
}

/** The bylines' people, each once: one person can hold two roles. */
function people(bylines: readonly Byline[]): Byline['person'][] {
  const byId = new Map<string, Byline['person']>();
  for (const b of bylines) if (!byId.has(b.person._id)) byId.set(b.person._id, b.person);
  return [...byId.values()];
}
