// The site's chrome, edited in one singleton document: navigation, tagline,
// footer link groups, regional support numbers and social links.
import type { DocumentDefinition, ObjectDefinition } from 'sanity';
import { z } from 'zod';
import { documentSystemFields } from './sanity-values.ts';

export const SITE_SETTINGS_ID = 'siteSettings';
export const E164 = /^\+[1-9]\d{1,14}$/;

export const navLinkType = {
  name: 'navLink',
  title: 'Link',
  type: 'object',
  fields: [
    {
      name: 'label',
      title: 'Label',
      type: 'string',
      description: 'The link text readers see.',
      validation: (rule) => rule.required().error('Give the link a label.'),
    },
    {
      name: 'href',
      title: 'Address',
      type: 'url',
      description: 'https://… for other sites, or a /path on this site.',
      validation: (rule) =>
        rule
          .required()
          .uri({ scheme: ['http', 'https', 'mailto', 'tel'], allowRelative: true })
          .error('Use an https:// address or a /path on this site.'),
    },
  ],
  preview: { select: { title: 'label', subtitle: 'href' } },
} satisfies ObjectDefinition;

export const footerGroupType = {
  name: 'footerGroup',
  title: 'Footer group',
  type: 'object',
  fields: [
    {
      name: 'title',
      title: 'Heading',
      type: 'string',
      description: 'For example "Financial Products".',
      validation: (rule) => rule.required().error('Give the group a heading.'),
    },
    {
      name: 'links',
      title: 'Links',
      type: 'array',
      of: [{ type: 'navLink' }],
      description: 'The links under this heading. A group may be a heading alone.',
    },
  ],
  preview: { select: { title: 'title' } },
} satisfies ObjectDefinition;

export const supportNumberType = {
  name: 'supportNumber',
  title: 'Support number',
  type: 'object',
  fields: [
    {
      name: 'region',
      title: 'Region',
      type: 'string',
      description: 'For example "Americas".',
      validation: (rule) => rule.required().error('Name the region this number serves.'),
    },
    {
      name: 'phone',
      title: 'Phone (E.164)',
      type: 'string',
      description: 'International format with no spaces, for example +12123182000. Used for the tel: link.',
      validation: (rule) =>
        rule
          .required()
          .regex(E164, { name: 'E.164' })
          .error('Write the number as + then country code and number, digits only: +12123182000.'),
    },
    {
      name: 'display',
      title: 'Display',
      type: 'string',
      description: 'How the number is printed, for example "+1 212 318 2000". Defaults to the E.164 form.',
    },
  ],
  preview: { select: { title: 'region', subtitle: 'display' } },
} satisfies ObjectDefinition;

export const socialLinkType = {
  name: 'socialLink',
  title: 'Social link',
  type: 'object',
  fields: [
    {
      name: 'platform',
      title: 'Platform',
      type: 'string',
      description: 'The name readers know it by, for example "LinkedIn".',
      validation: (rule) => rule.required().error('Name the platform.'),
    },
    {
      name: 'url',
      title: 'Address',
      type: 'url',
      description: 'The newsroom account page.',
      validation: (rule) =>
        rule
          .required()
          .uri({ scheme: ['https', 'http'] })
          .error('Use an https:// address.'),
    },
  ],
  preview: { select: { title: 'platform', subtitle: 'url' } },
} satisfies ObjectDefinition;

export const siteSettingsType = {
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  description: 'The chrome around every page. There is one of these.',
  fields: [
    {
      name: 'siteName',
      title: 'Site name',
      type: 'string',
      description: 'Shown in the header, page titles, feeds and as the publisher in search results.',
      validation: (rule) => rule.required().error('Name the site.'),
    },
    {
      name: 'tagline',
      title: 'Tagline',
      type: 'text',
      rows: 2,
      description: 'What the newsroom is, in a sentence. Shown in the header and the front page description.',
    },
    {
      name: 'primaryNav',
      title: 'Top links',
      type: 'array',
      of: [{ type: 'navLink' }],
      description: 'The links at the very top of every page.',
    },
    {
      name: 'footerGroups',
      title: 'Footer link groups',
      type: 'array',
      of: [{ type: 'footerGroup' }],
      description: 'Headed groups of links in the footer.',
    },
    {
      name: 'supportHeading',
      title: 'Support heading',
      type: 'string',
      initialValue: 'Customer Support',
      description: 'The heading above the support numbers.',
    },
    {
      name: 'supportNumbers',
      title: 'Customer-support numbers',
      type: 'array',
      of: [{ type: 'supportNumber' }],
      description: 'One number per region, printed in the footer as tap-to-call links.',
    },
    {
      name: 'socialHeading',
      title: 'Social heading',
      type: 'string',
      initialValue: 'Follow Us',
      description: 'The heading above the social links.',
    },
    {
      name: 'social',
      title: 'Social links',
      type: 'array',
      of: [{ type: 'socialLink' }],
      description: 'The newsroom accounts readers can follow.',
    },
  ],
  preview: { select: { title: 'siteName', subtitle: 'tagline' } },
} satisfies DocumentDefinition;

export const navLinkValue = z.object({
  _type: z.literal('navLink').optional(),
  _key: z.string(),
  label: z.string().trim().min(1),
  href: z.string().min(1),
});

export const footerGroupValue = z.object({
  _type: z.literal('footerGroup').optional(),
  _key: z.string(),
  title: z.string().trim().min(1),
  links: z.array(navLinkValue).optional(),
});

export const supportNumberValue = z.object({
  _type: z.literal('supportNumber').optional(),
  _key: z.string(),
  region: z.string().trim().min(1),
  phone: z.string().regex(E164, 'Support numbers must be E.164, for example +12123182000'),
  display: z.string().optional(),
});

export const socialLinkValue = z.object({
  _type: z.literal('socialLink').optional(),
  _key: z.string(),
  platform: z.string().trim().min(1),
  url: z.url(),
});

export const siteSettingsDocument = z.object({
  ...documentSystemFields,
  _type: z.literal('siteSettings'),
  siteName: z.string().trim().min(1),
  tagline: z.string().optional(),
  primaryNav: z.array(navLinkValue).optional(),
  footerGroups: z.array(footerGroupValue).optional(),
  supportHeading: z.string().optional(),
  supportNumbers: z.array(supportNumberValue).optional(),
  socialHeading: z.string().optional(),
  social: z.array(socialLinkValue).optional(),
});
