// One feed, whatever its format: the RSS, Atom and JSON Feed writers all render
// this, so the three always carry the same stories with the same fields.
export type FeedPerson = { name: string; url?: string };

export type FeedImage = { url: string; type: string; width: number; height: number; alt: string; credit: string };

export type FeedItem = {
  /** The story's permanent id (feed-id.ts), which a slug change leaves alone. */
  id: string;
  /** The story's absolute canonical URL. */
  url: string;
  title: string;
  summary: string;
  published: string;
  modified: string;
  authors: readonly FeedPerson[];
  section: string;
  tags: readonly string[];
  image?: FeedImage;
  /** The story's language when it is not the feed's (Atom's xml:lang, JSON Feed's item language; RSS has none per item). */
  language?: string;
};

export type FeedModel = {
  title: string;
  description: string;
  /** The page the feed follows (the front page, or a section's page). */
  homeUrl: string;
  /** This feed's own absolute URL. */
  selfUrl: string;
  language: string;
  /**
   * The newsroom, at its front page (a section's feed too): credited when an
   * item has no byline (Atom requires an author).
   */
  publisher: FeedPerson;
  /** The latest change among the items, or the build's content when empty. */
  updated: string;
  items: readonly FeedItem[];
};
