// The story document and its section from validated front matter and a
// converted body. Field order is fixed so the NDJSON is byte-stable.
import { basename } from 'node:path';
import { hashedText, STORY_SLUG_MAX_LENGTH, spelledSlug } from '../../schemas/generated-slug.ts';
import type { ImageUse } from './context.ts';
import type { Location } from './errors.ts';
import { type PendingBodyMember, type PendingStory, type Section, sanityAsset } from './export-shapes.ts';
import type { FieldLocator, FrontMatter } from './front-matter.ts';
import { reference, sectionId, storyId, weakReference } from './ids.ts';
import { type Keyer, shortHash } from './keys.ts';
import { nameSlugField } from './name-slug.ts';
import type { People } from './people.ts';
import { type ConvertWarning, convertWarning } from './warnings.ts';

/**
 * The story's slug: given, or made from the headline as the Studio's Generate
 * button makes it (schemas/headline-slug.ts); a hashed one is reported in `warnings`.
 */
export function storySlug(fm: FrontMatter, locate: FieldLocator, warnings: ConvertWarning[]): string {
  if (fm.slug) return fm.slug;
  const spelled = spelledSlug(fm.headline, STORY_SLUG_MAX_LENGTH);
  if (spelled) return spelled;
  const hashed = shortHash(hashedText(fm.headline));
  warnings.push(convertWarning('SlugGenerated', ['headline', fm.headline, hashed], locate(['headline'])));
  return hashed;
}

/** `at` is where the name is, for the warning when its slug has to be generated. */
export function sectionDocument(name: string, at: Location, warnings: ConvertWarning[]): Section {
  return { _id: sectionId(name), _type: 'section', name, slug: nameSlugField('section', name, at, warnings) };
}

export interface StoryParts {
  fm: FrontMatter;
  /** Gives the hero image the line of its `file`, for the error when it is missing. */
  locate: FieldLocator;
  slug: string;
  body: PendingBodyMember[];
  people: People;
  key: Keyer;
  /** Receives the hero image file, to be exported with the body's images. */
  images: ImageUse[];
}

export function storyDocument({ fm, locate, slug, body, people, key, images }: StoryParts): PendingStory {
  const hero = fm.hero;
  if (hero) {
    const { line, column } = locate(['hero', 'file']);
    images.push({ src: hero.file, name: basename(hero.file), line, column });
  }
  return {
    _id: storyId(slug),
    _type: 'story',
    headline: fm.headline,
    slug: { _type: 'slug', current: slug },
    ...(fm.dek ? { dek: fm.dek } : {}),
    section: reference(sectionId(fm.section)),
    ...(fm.bylines?.length
      ? {
          bylines: fm.bylines.map((b, i) => ({
            _type: 'byline' as const,
            _key: key('bylines', i),
            person: people.person(b.name, ['bylines', i, 'name']),
            role: b.role,
          })),
        }
      : {}),
    publishedAt: fm.publishedAt,
    ...(fm.updatedAt ? { updatedAt: fm.updatedAt } : {}),
    ...(hero
      ? {
          heroPhoto: {
            _type: 'photo' as const,
            _sanityAsset: sanityAsset(basename(hero.file)),
            alt: hero.alt,
            ...(hero.caption ? { caption: hero.caption } : {}),
            credit: people.credit(hero.credit, ['hero', 'credit']),
          },
        }
      : {}),
    body,
    ...(fm.related?.length
      ? { related: fm.related.map((s, i) => ({ ...weakReference(storyId(s)), _key: key('related', i) })) }
      : {}),
    ...(fm.topics?.length ? { topics: fm.topics } : {}),
    ...(fm.language ? { language: fm.language } : {}),
    ...(fm.corrections?.length
      ? {
          corrections: fm.corrections.map((c, i) => ({
            _type: 'correction' as const,
            _key: key('corrections', i),
            date: c.date,
            text: c.text,
          })),
        }
      : {}),
  };
}
