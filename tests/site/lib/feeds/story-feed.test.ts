// A section's feeds credit the newsroom the way the site's feeds do: by name,
// at the site's front page, not at the section's.
import { describe, expect, it } from 'vitest';
import type { SectionResult } from '../../../../schemas/queries/section.ts';
import type { SiteSettingsResult } from '../../../../schemas/queries/site-settings.ts';
import { buildCatalog } from '../../../../site/lib/catalog/build-catalog.ts';
import { renderAtom } from '../../../../site/lib/feeds/atom.ts';
import { renderJsonFeed } from '../../../../site/lib/feeds/json-feed.ts';
import { storyFeed } from '../../../../site/lib/feeds/story-feed.ts';

const site = new URL('https://news.example');
const catalog = buildCatalog({
  settings: { siteName: 'Bloomberg', _updatedAt: '2026-12-01T00:00:00Z' } as SiteSettingsResult,
  stories: [],
  sections: [{ _id: 'section-world', name: 'World', slug: { current: 'world' } } as SectionResult],
  people: [],
});
const section = catalog.listing('section', 'world');

describe('the newsroom credited in a feed', () => {
  it.each([
    ['the site’s', undefined],
    ['a section’s', section],
  ])('is at the front page in %s Atom feed and JSON Feed', (_, listing) => {
    const atom = renderAtom(storyFeed({ catalog, site, format: 'atom', section: listing }));
    expect(atom).toContain('<author><name>Bloomberg</name><uri>https://news.example/</uri></author>');
    const json = JSON.parse(renderJsonFeed(storyFeed({ catalog, site, format: 'json', section: listing })));
    expect(json.authors).toEqual([{ name: 'Bloomberg', url: 'https://news.example/' }]);
  });

  it('leaves the section’s page as the section feed’s home', () => {
    const json = JSON.parse(renderJsonFeed(storyFeed({ catalog, site, format: 'json', section })));
    expect(json.home_page_url).toBe('https://news.example/section/world');
  });
});
