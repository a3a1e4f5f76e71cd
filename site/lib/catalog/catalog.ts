// The catalog of this build, read from the content collections once and shared
// by every route: all getStaticPaths run before the first page is rendered,
// and page modules share this module within the build's bundle.
import { getCollection } from 'astro:content';
import type { PersonResult } from '../../../schemas/queries/person.ts';
import type { SectionResult } from '../../../schemas/queries/section.ts';
import { siteSettings } from '../content/site-settings.ts';
import type { StoryEntry } from '../content/story-entry.ts';
import { readStories } from '../content/story-store.ts';
import { buildCatalog, type Catalog } from './build-catalog.ts';

let pending: Promise<Catalog> | undefined;

export function catalog(): Promise<Catalog> {
  pending ??= load();
  return pending;
}

async function load(): Promise<Catalog> {
  const [settings, pointers, sections, people] = await Promise.all([
    siteSettings(),
    getCollection('stories'),
    getCollection('sections'),
    getCollection('people'),
  ]);
  return buildCatalog({
    settings,
    stories: storiesOf(pointers),
    sections: sections.map((e) => e.data as SectionResult),
    people: people.map((e) => e.data as PersonResult),
  });
}

/** The stories the collection lists, read from the loader's story store (see story-store.ts). */
function storiesOf(pointers: { id: string; data: unknown }[]): StoryEntry[] {
  const store = (pointers[0]?.data as { store?: string } | undefined)?.store;
  return store ? readStories(store, new Set(pointers.map((p) => p.id))) : [];
}
