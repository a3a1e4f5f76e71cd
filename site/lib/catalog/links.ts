// Links to the pages the catalog has. A byline's person or a story's section
// may be missing from its collection (an invalid document the loader skipped),
// and a link to a page that was never built is worse than plain text.
import { routes } from '../routes.ts';
import type { Catalog } from './build-catalog.ts';
import { topicSlug } from './topic-slug.ts';

type Slugged = { slug: { current: string } };

export function authorPath(catalog: Catalog, person: Slugged): string | undefined {
  return catalog.listing('author', person.slug.current) ? routes.author(person.slug.current) : undefined;
}

export function sectionPath(catalog: Catalog, section: Slugged): string | undefined {
  return catalog.listing('section', section.slug.current) ? routes.section(section.slug.current) : undefined;
}

/** A story's topics with their pages, skipping any that has no page. */
export function topicLinks(catalog: Catalog, topics: readonly string[] | undefined): { name: string; path: string }[] {
  return (topics ?? []).flatMap((name) => {
    const slug = topicSlug(name);
    return slug && catalog.listing('topic', slug) ? [{ name, path: routes.topic(slug) }] : [];
  });
}
