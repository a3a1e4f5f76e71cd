// Stories the live filter leaves out because it cannot read their dates
// (schemas/queries/story.ts): GROQ answers null for `dateTime("yesterday")`,
// so such a story is in no answer and zod never sees it. Without this it
// would vanish from the site with no warning, even in a strict build.
import { undatedStoriesQuery } from '../../../schemas/queries/story.ts';
import { storyDocument } from '../../../schemas/story.ts';
import type { Unreadable } from './sanity-loader.ts';

export const undatedStories: Unreadable = {
  query: undatedStoriesQuery,
  schema: storyDocument.pick({ publishedAt: true, unpublishAt: true }),
  // A form zod accepts but the content lake's dateTime() does not.
  otherwise: { path: 'publishedAt', problem: 'the content lake cannot read it as a date and time' },
};
