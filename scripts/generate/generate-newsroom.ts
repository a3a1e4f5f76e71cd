// Writes a synthetic newsroom as a Sanity NDJSON export folder: sections and
// people first, then each story followed by its quote documents, streamed.
import { join } from 'node:path';
import type { Section } from '../convert/export-shapes.ts';
import { poolImages, writeImagePool } from './image-pool.ts';
import { createNdjsonWriter } from './ndjson-writer.ts';
import { createNewsroom } from './newsroom.ts';
import { createRandom } from './random.ts';
import { generateStory } from './story.ts';

export interface GenerateOptions {
  stories: number;
  /** The export folder (data.ndjson and images/). */
  out: string;
  seed: number;
  /** Publication times are spread over the 90 days before this instant. */
  now: Date;
  /** Distinct photos drawn into images/ and reused. */
  images?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateSummary {
  documents: number;
  stories: number;
  quotes: number;
  people: number;
  sections: number;
  images: number;
}

/** Related stories are drawn from the most recent stories of the same section. */
const RELATED_WINDOW = 40;
const LINK_WINDOW = 200;

export async function generateNewsroom(options: GenerateOptions): Promise<GenerateSummary> {
  const r = createRandom(options.seed);
  const images = poolImages(options.images ?? 24);
  await writeImagePool(options.out, images);
  const newsroom = createNewsroom(r, options.stories, images);
  const writer = createNdjsonWriter(join(options.out, 'data.ndjson'));
  for (const doc of [...newsroom.sections, ...newsroom.people]) await writer.write(doc);

  const bySection = new Map<string, { id: string; slug: string }[]>(newsroom.sections.map((s: Section) => [s._id, []]));
  const slugs: string[] = [];
  let quotes = 0;
  for (let index = 0; index < options.stories; index++) {
    const { story, quotes: storyQuotes } = generateStory(r, {
      index,
      now: options.now.getTime(),
      newsroom,
      earlierBySection: bySection,
      earlierSlugs: slugs,
    });
    await writer.write(story);
    for (const quote of storyQuotes) await writer.write(quote);
    quotes += storyQuotes.length;
    const recent = bySection.get(story.section._ref);
    recent?.push({ id: story._id, slug: story.slug.current });
    if (recent && recent.length > RELATED_WINDOW) recent.shift();
    slugs.push(story.slug.current);
    if (slugs.length > LINK_WINDOW) slugs.shift();
    if ((index + 1) % 1000 === 0 || index + 1 === options.stories) options.onProgress?.(index + 1, options.stories);
  }
  await writer.close();
  return {
    documents: writer.count,
    stories: options.stories,
    quotes,
    people: newsroom.people.length,
    sections: newsroom.sections.length,
    images: images.length,
  };
}
