// A published story written through the API by an editor (as a script or
// another desk would), for journeys that start from an existing story.
import type { SanityClient } from '@sanity/client';

export type SeedStory = { id: string; slug: string; headline: string };

export async function seedPublishedStory(client: SanityClient, name: string): Promise<SeedStory> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const story = {
    _id: `story-${slug}`,
    _type: 'story',
    headline: name,
    slug: { _type: 'slug', current: slug },
    dek: `What happened in ${name}.`,
    section: { _type: 'reference', _ref: 'section-technology' },
    publishedAt: '2026-04-01T09:00:00Z',
    body: [
      {
        _type: 'block',
        _key: 'p1',
        style: 'normal',
        markDefs: [],
        children: [{ _type: 'span', _key: 's1', text: `The first paragraph of ${name}.`, marks: [] }],
      },
    ],
  };
  await client.create(story);
  return { id: story._id, slug, headline: name };
}
