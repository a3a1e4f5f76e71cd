import type { StoryEntry } from '../content/story-entry.ts';
import { excerpt } from '../excerpt.ts';

/** What a story says about itself in search results, cards and feeds: the editor's SEO text, the dek, or its opening words. */
export function storyDescription(story: Pick<StoryEntry, 'seo' | 'dek' | 'body'>): string {
  return story.seo?.description?.trim() || story.dek?.trim() || excerpt(story.body.excerpt);
}
