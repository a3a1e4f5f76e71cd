// The catalog of this build, read from the content collections once and shared
// by every route: all getStaticPaths run before the first page is rendered,
// and page modules share this module within the build's bundle.
import { getCollection } from 'astro:content';
import type { PersonResult } from '../../../schemas/queries/person.ts';
import type { SectionResult } from '../../../schemas/queries/section.ts';
import { siteSettings } from '../content/site-settings.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { buildCatalog, type Catalog } from './build-catalog.ts';

let pending: Promise<Catalog> | undefined;

export function catalog(): Promise<Catalog> {
  pending ??= load();
  return pending;
}

async function load(): Promise<Catalog> {
  const [settings, stories, sections, people] = await Promise.all([
    siteSettings(),
    getCollection('stories'),
    getCollection('sections'),
    getCollection('people'),
  ]);
  return buildCatalog({
    settings,
    stories: stories.map((e) => e.data as StoryEntry),
    sections: sections.map((e) => e.data as SectionResult),
    people: people.map((e) => e.data as PersonResult),
  });
}
