// Content enters Astro only here, through the Sanity loader, and every
// collection is validated with a schema from schemas/queries/.
import { defineCollection } from 'astro:content';
import { peopleQuery, personResult } from '../schemas/queries/person.ts';
import { sectionResult, sectionsQuery } from '../schemas/queries/section.ts';
import { siteSettingsParams, siteSettingsQuery, siteSettingsResult } from '../schemas/queries/site-settings.ts';
import { sanityLoader } from './lib/content/sanity-loader.ts';
import { storyPointer } from './lib/content/story-entry.ts';
import { storyLoader } from './lib/content/story-loader.ts';

export const collections = {
  stories: defineCollection({
    loader: storyLoader({ siteUrl: process.env.SITE_URL }),
    schema: storyPointer,
  }),
  sections: defineCollection({
    loader: sanityLoader({ query: sectionsQuery, schema: sectionResult }),
    schema: sectionResult,
  }),
  people: defineCollection({
    loader: sanityLoader({ query: peopleQuery, schema: personResult }),
    schema: personResult,
  }),
  settings: defineCollection({
    loader: sanityLoader({ query: siteSettingsQuery, params: () => siteSettingsParams, schema: siteSettingsResult }),
    schema: siteSettingsResult,
  }),
};
