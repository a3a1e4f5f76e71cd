// The photo a story is pictured by away from its page: the social card, the
// NewsArticle's image and the feed entry's image. Its hero photo, or else the
// first photo in its body, because Google recommends an image for every
// article and a shared link without one gets the small card.
import type { PhotoResult } from '../../../schemas/queries/story.ts';
import type { StoryEntry } from '../content/story-entry.ts';

export function cardPhoto(story: StoryEntry): PhotoResult | undefined {
  return story.heroPhoto ?? story.body.firstPhoto;
}
