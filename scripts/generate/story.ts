// One synthetic story: headline and unique slug, dek, section, bylines,
// publication time spread over the last 90 days (a few in the last 48 hours),
// sometimes an update and a correction, hero photo, body, related stories, topics.
import { bylineRoles } from '../../schemas/byline.ts';
import { slugify } from '../../schemas/slugify.ts';
import type { PendingStory, Quote } from '../convert/export-shapes.ts';
import { reference, storyId, weakReference } from '../convert/ids.ts';
import { storyBody } from './body.ts';
import type { Newsroom } from './newsroom.ts';
import { photo } from './photo.ts';
import type { Random } from './random.ts';
import { dek, headline } from './text.ts';
import { topics } from './vocabulary.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface StoryOptions {
  /** Position in the run; makes the slug unique. */
  index: number;
  /** The run's "now", in epoch milliseconds. */
  now: number;
  newsroom: Newsroom;
  /** Earlier stories by section id, for related links. */
  earlierBySection: ReadonlyMap<string, readonly { id: string; slug: string }[]>;
  earlierSlugs: readonly string[];
}

const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

export function generateStory(r: Random, options: StoryOptions): { story: PendingStory; quotes: Quote[] } {
  const { newsroom, now } = options;
  const title = headline(r);
  const slug = `${slugify(title, 80)}-${options.index.toString(36)}`;
  const _id = storyId(slug);
  const section = r.pick(newsroom.sections);
  const age = r.chance(0.03) ? r.next() * 2 * DAY : r.next() * 90 * DAY;
  const published = now - age;
  const story: PendingStory = {
    _id,
    _type: 'story',
    headline: title,
    slug: { _type: 'slug', current: slug },
    section: reference(section._id),
    publishedAt: minute(published),
    body: [],
  };
  if (r.chance(0.9)) story.dek = dek(r);
  story.bylines = r.sample(newsroom.people, r.int(1, 3)).map((person, i) => ({
    _type: 'byline' as const,
    _key: r.key(),
    person: reference(person._id),
    role: i === 0 ? 'Reporter' : r.pick(bylineRoles),
  }));
  if (r.chance(0.2)) {
    const updated = published + r.next() * Math.min(age, DAY);
    story.updatedAt = minute(updated);
    if (r.chance(0.25)) {
      story.corrections = [
        { _type: 'correction', _key: r.key(), date: minute(updated), text: 'An earlier version misstated a figure.' },
      ];
    }
  }
  const staff = newsroom.people.map((p) => p._id);
  if (r.chance(0.9)) story.heroPhoto = photo(r, newsroom.images, staff);
  const { body, quotes } = storyBody(r, { storyId: _id, newsroom, earlierSlugs: options.earlierSlugs });
  story.body = body;
  const candidates = options.earlierBySection.get(section._id) ?? [];
  const related = r.sample(candidates, r.int(0, 3));
  if (related.length > 0) story.related = related.map((s) => ({ ...weakReference(s.id), _key: r.key() }));
  story.topics = r.sample(topics, r.int(1, 3));
  return { story, quotes };
}
