// The story query the site reads: every published story, dereferenced.
import { z } from 'zod';
import { bylineValue } from '../byline.ts';
import { blockValue, linkMarkValue, quotationMarkValue } from '../portable-text.ts';
import { pullQuoteValue } from '../quote.ts';
import { arrayKey } from '../sanity-values.ts';
import { sectionDocument } from '../section.ts';
import { storyDocument } from '../story.ts';
import type { PagedQuery } from './paged.ts';
import { contributorProjection, personSummaryProjection, photoProjection, quoteProjection } from './projections.ts';
import { contributorResult, personSummary, photoResult, quoteResult } from './results.ts';

export const storyProjection = `{
  ...,
  "section": section->{_id, _type, name, slug},
  "bylines": bylines[]{..., "person": person->${personSummaryProjection}},
  "heroPhoto": heroPhoto${photoProjection},
  "body": body[]{
    ...,
    _type == "block" => {"markDefs": markDefs[]{..., _type == "quotation" => {"quote": quote->${quoteProjection}}}},
    _type == "photo" => ${photoProjection},
    _type == "pullQuote" => {"speaker": speaker${contributorProjection}}
  },
  "related": related[]->{_id}
}`;

/**
 * Every story that is live at `$now`: an embargoed story (publishedAt in the
 * future) or one already taken down (unpublishAt in the past) is not returned
 * at all, so nothing downstream can leak it.
 */
export const liveStoriesFilter = `_type == "story" && dateTime(publishedAt) <= dateTime($now) && (!defined(unpublishAt) || dateTime(unpublishAt) > dateTime($now))`;

/**
 * Published stories the live filter cannot place in time, so leaves out
 * without a word: publishedAt missing or not a date, or an unpublishAt that is
 * not one. The loader reports them as invalid instead (undated-stories.ts).
 */
export const undatedStoriesQuery = `*[_type == "story" && (!defined(dateTime(publishedAt)) || (defined(unpublishAt) && !defined(dateTime(unpublishAt))))]{_id, _type, publishedAt, unpublishAt}`;

/** The stories the site builds from, read page by page (see paged.ts). */
export const storiesQuery: PagedQuery = { filter: liveStoriesFilter, projection: storyProjection };

/** One story by id, for previews and incremental rebuilds. */
export const storyByIdQuery = `*[_type == "story" && _id == $id][0] ${storyProjection}`;

// A quote document can be deleted or unpublished after a story marks it; the
// words still print, just without attribution, so the story stays valid.
export const quotationMarkResult = quotationMarkValue.extend({ quote: quoteResult.optional() });

export const blockResult = blockValue.extend({
  markDefs: z.array(z.discriminatedUnion('_type', [linkMarkValue, quotationMarkResult])).optional(),
});

export const bodyMemberResult = z.discriminatedUnion('_type', [
  blockResult,
  pullQuoteValue.extend({ speaker: contributorResult }),
  photoResult.extend({ _key: arrayKey }),
]);

/**
 * Related stories by id only: the site shows them as they are in this build
 * (live, with their current headline), so a related story's text is read from
 * the build's own catalog, and a story's stored form stays small.
 */
export const relatedStoryResult = storyDocument.pick({ _id: true });

export const storyResult = storyDocument.extend({
  section: sectionDocument.pick({ _id: true, _type: true, name: true, slug: true }),
  bylines: z.array(bylineValue.extend({ person: personSummary })).optional(),
  heroPhoto: photoResult.optional(),
  body: z.array(bodyMemberResult).min(1, 'A story needs a body'),
  related: z.array(relatedStoryResult).optional(),
});

export type StoryResult = z.infer<typeof storyResult>;
export type BodyMember = z.infer<typeof bodyMemberResult>;
export type PhotoResult = z.infer<typeof photoResult>;
