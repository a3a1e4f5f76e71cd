import type { DocumentDefinition } from 'sanity';
import { z } from 'zod';
import { bylineValue } from './byline.ts';
import { correctionValue } from './correction.ts';
import { generatedSlug, STORY_SLUG_MAX_LENGTH } from './generated-slug.ts';
import { languageField, languageValue } from './language.ts';
import { photoValue } from './photo.ts';
import { bodyField, bodyValue } from './portable-text.ts';
import { documentSystemFields, isoDateTime, referenceValue, slugValue } from './sanity-values.ts';
import { seoValue } from './seo.ts';
import { requiredSlug } from './slug-rule.ts';
import { utcMinute } from './utc-minute.ts';

export const HEADLINE_WARN_LENGTH = 110;

export const storyType = {
  name: 'story',
  title: 'Story',
  type: 'document',
  description: 'A news story: headline, byline, photo and body.',
  groups: [
    { name: 'story', title: 'Story', default: true },
    { name: 'meta', title: 'Metadata' },
  ],
  fields: [
    {
      name: 'headline',
      title: 'Headline',
      type: 'string',
      group: 'story',
      description: 'The headline as printed on the story page.',
      validation: (rule) => [
        rule.required().error('Write a headline.'),
        rule
          .max(HEADLINE_WARN_LENGTH)
          .warning(`Headlines over ${HEADLINE_WARN_LENGTH} characters are cut off in search results and on phones.`),
      ],
    },
    {
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      group: 'story',
      options: { source: 'headline', maxLength: STORY_SLUG_MAX_LENGTH, slugify: generatedSlug(STORY_SLUG_MAX_LENGTH) },
      description:
        'The story address: /story/<slug>. After a change, the story’s earlier addresses redirect to the new one.',
      validation: requiredSlug('Generate a slug from the headline.'),
    },
    {
      name: 'dek',
      title: 'Dek',
      type: 'text',
      rows: 2,
      group: 'story',
      description: 'The one-sentence summary under the headline.',
      validation: (rule) => rule.max(240).warning('Keep the dek to a sentence or two.'),
    },
    {
      name: 'section',
      title: 'Section',
      type: 'reference',
      to: [{ type: 'section' }],
      group: 'story',
      description: 'The desk this story belongs to; it decides the breadcrumb and section page.',
      validation: (rule) => rule.required().error('Choose a section.'),
    },
    {
      name: 'bylines',
      title: 'Bylines',
      type: 'array',
      of: [{ type: 'byline' }],
      group: 'story',
      description: 'Everyone credited, in the order they are printed.',
    },
    {
      name: 'publishedAt',
      title: 'Published at',
      type: 'datetime',
      group: 'meta',
      description: 'When the story goes live. A time in the future embargoes it until then.',
      validation: (rule) => rule.required().error('Set the publication time.'),
    },
    {
      name: 'unpublishAt',
      title: 'Take down at',
      type: 'datetime',
      group: 'meta',
      description: 'Optional. At this time the story leaves the site, feeds, sitemaps and search, on its own.',
      validation: (rule) =>
        rule.custom((value, context) => {
          const publishedAt = (context.document as { publishedAt?: string } | undefined)?.publishedAt;
          // Instants, not texts: an imported story keeps the offset it was written with.
          return typeof value === 'string' && publishedAt && Date.parse(value) <= Date.parse(publishedAt)
            ? 'Take the story down after it is published.'
            : true;
        }),
    },
    {
      name: 'breaking',
      title: 'Breaking news',
      type: 'boolean',
      group: 'meta',
      initialValue: false,
      description: 'Publishes straight away, without waiting to batch with other edits. Use for breaking news only.',
    },
    {
      name: 'updatedAt',
      title: 'Updated at',
      type: 'datetime',
      group: 'meta',
      description: 'Set when the story changes in substance after publication.',
    },
    {
      name: 'heroPhoto',
      title: 'Hero photo',
      type: 'photo',
      group: 'story',
      description: 'The photo at the top of the story, also used for social cards.',
    },
    { ...bodyField, group: 'story' },
    {
      name: 'related',
      title: 'Related stories',
      type: 'array',
      // Weak: a strong reference keeps its target from being unpublished or
      // deleted (Content Lake refuses), so any story listed here, and both of
      // two stories listing each other, could not be taken down without
      // editing every story that lists it first. The site leaves out a
      // related story that is gone.
      of: [{ type: 'reference', to: [{ type: 'story' }], weak: true }],
      group: 'meta',
      description: 'Up to five stories listed under this one.',
      validation: (rule) => rule.max(5).warning('More than five related stories are not shown.').unique(),
    },
    {
      name: 'topics',
      title: 'Topics',
      type: 'array',
      of: [{ type: 'string' }],
      options: { layout: 'tags' },
      group: 'meta',
      description: 'Subjects that get their own topic page, for example "Cybersecurity".',
    },
    languageField(
      'Only for a story not written in English: its language tag, for example "fa" (Persian), "ar" (Arabic), "he" (Hebrew) or "zh-Hans" (Chinese). Browsers, screen readers and search engines then read the story in that language, and Persian, Arabic and Hebrew stories are laid out right to left.',
      'for English',
      'meta',
    ),
    { name: 'seo', title: 'Search and social', type: 'seo', group: 'meta' },
    {
      name: 'corrections',
      title: 'Corrections',
      type: 'array',
      of: [{ type: 'correction' }],
      group: 'meta',
      description: 'Corrections are printed at the end of the story, newest first. Never delete one.',
    },
  ],
  orderings: [{ title: 'Newest first', name: 'publishedAtDesc', by: [{ field: 'publishedAt', direction: 'desc' }] }],
  // Lists show the headline, the section, which version is the newest (Draft
  // or Published) and when readers see the story; the hero photo is the
  // thumbnail. Lists read through the drafts perspective, which names the
  // version it returned in `_originalId` (other previews lack it: no status).
  preview: {
    select: {
      title: 'headline',
      section: 'section.name',
      media: 'heroPhoto',
      publishedAt: 'publishedAt',
      dek: 'dek',
      originalId: '_originalId',
    },
    prepare: ({ title, section, media, publishedAt, dek, originalId }) => ({
      title: title || 'Untitled story',
      subtitle: [section ?? 'No section', versionLabel(originalId), timing(publishedAt, new Date())]
        .filter(Boolean)
        .join(' · '),
      description: typeof dek === 'string' ? dek : undefined,
      media,
    }),
  },
} satisfies DocumentDefinition;

/** "Draft" when the newest version of a story is a draft, "Published" when it is the published one. */
export function versionLabel(originalId: unknown): string | undefined {
  if (typeof originalId !== 'string') return undefined;
  return originalId.startsWith('drafts.') ? 'Draft' : 'Published';
}

/** When readers see a story, in a few words: "Embargoed until 2026-05-01 09:00", "2026-04-30", "No publication time". */
export function timing(publishedAt: unknown, now: Date): string {
  if (typeof publishedAt !== 'string' || Number.isNaN(Date.parse(publishedAt))) return 'No publication time';
  return new Date(publishedAt) > now ? `Embargoed until ${utcMinute(publishedAt)}` : publishedAt.slice(0, 10);
}

export const storyDocument = z.object({
  ...documentSystemFields,
  _type: z.literal('story'),
  headline: z.string().trim().min(1),
  slug: slugValue,
  dek: z.string().optional(),
  section: referenceValue,
  bylines: z.array(bylineValue).optional(),
  publishedAt: isoDateTime,
  unpublishAt: isoDateTime.optional(),
  breaking: z.boolean().optional(),
  updatedAt: isoDateTime.optional(),
  heroPhoto: photoValue.optional(),
  body: bodyValue,
  related: z.array(referenceValue.extend({ _key: z.string() })).optional(),
  topics: z.array(z.string().trim().min(1)).optional(),
  language: languageValue,
  seo: seoValue.optional(),
  corrections: z.array(correctionValue).optional(),
});
