// What a story page tells social networks and search engines about its
// picture: the hero photo, or else the first photo in the body, as the social
// card and the NewsArticle's image, with the card's file put in the build;
// and about its authors: the bylines that wrote it (seo/story-credits.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteSettingsResult } from '../../../../schemas/queries/site-settings.ts';
import type { StoryEntry } from '../../../../site/lib/content/story-entry.ts';
import { stubImageHost } from '../../../helpers/image-host-env.ts';
import { photoOf, referenceBody } from '../portable-text/build-body.ts';

const site = new URL('https://news.example');
const settings = { siteName: 'Bloomberg' } as SiteSettingsResult;
const bodyPhoto = photoOf(referenceBody());
const hero = { ...bodyPhoto, alt: 'The hero photo', caption: 'The hero’s caption.' };

type Overrides = {
  heroPhoto?: StoryEntry['heroPhoto'];
  firstPhoto?: StoryEntry['body']['firstPhoto'];
  bylines?: StoryEntry['bylines'];
};

const story = ({ heroPhoto, firstPhoto, bylines }: Overrides) =>
  ({
    _id: 'story-a',
    headline: 'A story',
    slug: { current: 'a-story' },
    section: { _id: 'section-world', name: 'World', slug: { current: 'world' } },
    publishedAt: '2026-12-06T10:00:00Z',
    heroPhoto,
    bylines,
    body: { excerpt: 'Words.', wordCount: 1, headings: [], storyLinks: [], store: 's', key: 'k', firstPhoto },
  }) as unknown as StoryEntry;

async function load() {
  vi.resetModules();
  const registry = await import('../../../../site/lib/images/variant-registry.ts');
  registry.resetVariants();
  const { storyMeta } = await import('../../../../site/lib/seo/story-meta.ts');
  const { socialVariant } = await import('../../../../site/lib/images/social-image.ts');
  const { variantFileName } = await import('../../../../site/lib/images/variant.ts');
  const meta = (input: Overrides) =>
    storyMeta({
      story: story(input),
      settings,
      site,
      authorUrl: (id) => `/author/${id.replace(/^person-/, '')}`,
      sectionPublished: true,
    });
  const cardFile = (photo: typeof bodyPhoto) => variantFileName(socialVariant(photo));
  return { registry, meta, cardFile };
}

// biome-ignore lint/suspicious/noExplicitAny: the JSON-LD object under test is untyped
const article = (jsonLd: readonly object[] | undefined) => jsonLd?.[0] as any;

describe('the picture of a story page', () => {
  beforeEach(stubImageHost);

  it('is the hero photo when there is one, even with photos in the body', async () => {
    const m = await load();
    const page = m.meta({ heroPhoto: hero, firstPhoto: bodyPhoto });
    expect(page.image?.alt).toMatch(/^The hero photo\. /);
    expect(article(page.jsonLd).image[0].caption).toBe('The hero’s caption.');
  });

  it('is the first photo in the body for a story with no hero, as card and NewsArticle image', async () => {
    const m = await load();
    const page = m.meta({ firstPhoto: bodyPhoto });
    const file = m.cardFile(bodyPhoto);
    expect(page.image).toEqual({
      url: `https://news.example/_img/${file}`,
      width: 1200,
      height: 630,
      type: 'image/jpeg',
      alt: `${bodyPhoto.alt}. Photographer: Atta Kenare/AFP/Getty Images`,
    });
    expect(article(page.jsonLd).image).toEqual([
      expect.objectContaining({
        '@type': 'ImageObject',
        url: page.image?.url,
        width: 1200,
        height: 630,
        caption: bodyPhoto.caption,
        creditText: 'Atta Kenare/AFP/Getty Images',
      }),
    ]);
    // Required, not only anticipated: the file is written into the build.
    expect([...m.registry.requiredVariants().keys()]).toEqual([file]);
  });

  it('is none for a story with no photo at all', async () => {
    const m = await load();
    const page = m.meta({});
    expect(page.image).toBeUndefined();
    expect(article(page.jsonLd).image).toBeUndefined();
    expect(m.registry.requiredVariants().size).toBe(0);
  });
});

const byline = (name: string, role: NonNullable<StoryEntry['bylines']>[number]['role']) => ({
  _key: name,
  role,
  person: { _id: `person-${name}`, _type: 'person' as const, name, slug: { _type: 'slug' as const, current: name } },
});

describe('the authors of a story page', () => {
  beforeEach(stubImageHost);

  it('are the bylines that wrote it; the editor and photographer are contributors', async () => {
    const m = await load();
    const page = m.meta({
      bylines: [byline('ed', 'Editor'), byline('ann', 'Reporter'), byline('pat', 'Photographer')],
    });
    const data = article(page.jsonLd);
    expect(data.author).toEqual([{ '@type': 'Person', name: 'ann', url: 'https://news.example/author/ann' }]);
    expect(data.contributor.map((p: { name: string }) => p.name)).toEqual(['ed', 'pat']);
    expect(page.article?.authors).toEqual(['https://news.example/author/ann']);
  });

  it('are every byline when none of them wrote it, so the story is never authorless', async () => {
    const m = await load();
    const page = m.meta({ bylines: [byline('ed', 'Editor')] });
    expect(article(page.jsonLd).author).toEqual([
      { '@type': 'Person', name: 'ed', url: 'https://news.example/author/ed' },
    ]);
    expect(article(page.jsonLd).contributor).toBeUndefined();
    expect(page.article?.authors).toEqual(['https://news.example/author/ed']);
  });
});
