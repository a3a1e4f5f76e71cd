// Stories the live filter leaves out because it cannot read their dates
// (schemas/queries/story.ts): GROQ answers null for `dateTime("yesterday")`,
// so such a story is in no answer and zod never sees it. Without this it
// would vanish from the site with no warning, even in a strict build.
import { undatedStoriesQuery } from '../../../schemas/queries/story.ts';
import { storyDocument } from '../../../schemas/story.ts';
import { cleanValues } from './clean-values.ts';
import { fieldPath } from './document-problems.ts';
import type { Doc } from './fetch-pages.ts';
import type { Unreadable } from './sanity-loader.ts';

const dates = storyDocument.pick({ publishedAt: true, unpublishAt: true });

export const undatedStories: Unreadable = {
  query: undatedStoriesQuery,
  problems: (doc: Doc) => {
    const result = dates.safeParse(cleanValues(doc));
    if (!result.success) {
      return result.error.issues.map((issue) => ({ path: fieldPath(doc, issue.path), problem: issue.message }));
    }
    // A form zod accepts but the content lake's dateTime() does not.
    return [{ path: 'publishedAt', problem: 'the content lake cannot read it as a date and time' }];
  },
};
