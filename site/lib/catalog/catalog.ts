// The catalog of this build, read from the content collections once and shared
// by every route: all getStaticPaths run before the first page is rendered,
// and page modules share this module within the build's bundle.
import { getCollection } from 'astro:content';
import type { PersonResult } from '../../../schemas/queries/person.ts';
import type { SectionResult } from '../../../schemas/queries/section.ts';
import { liveStories } from '../content/live-stories.ts';
import { siteSettings } from '../content/site-settings.ts';
import { buildCatalog, type Catalog } from './build-catalog.ts';

let pending: Promise<Catalog> | undefined;

export function catalog(): Promise<Catalog> {
  pending ??= load();
  return pending;
}

async function load(): Promise<Catalog> {
  const [settings, sections, people] = await Promise.all([
    siteSettings(),
    getCollection('sections'),
    getCollection('people'),
  ]);
  return buildCatalog({
    settings,
    // The loader's own read of its story store (see story-store.ts), not a second one.
    stories: [...liveStories()],
    sections: sections.map((e) => e.data as SectionResult),
    people: people.map((e) => e.data as PersonResult),
  });
}
