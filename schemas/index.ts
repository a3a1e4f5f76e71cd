// The content model in one list: the Studio registers `schemaTypes`; the lake,
// the loader and the tests look shapes up by type name.
import { bylineType, bylineValue } from './byline.ts';
import { contributorType, contributorValue } from './contributor.ts';
import { correctionType, correctionValue } from './correction.ts';
import { personDocument, personType } from './person.ts';
import { photoType, photoValue } from './photo.ts';
import { photoCreditType, photoCreditValue } from './photo-credit.ts';
import { linkAnnotationType, linkMarkValue, quotationAnnotationType, quotationMarkValue } from './portable-text.ts';
import { pullQuoteType, pullQuoteValue, quoteDocument, quoteType } from './quote.ts';
import { sectionDocument, sectionType } from './section.ts';
import { seoType, seoValue } from './seo.ts';
import {
  footerGroupType,
  footerGroupValue,
  navLinkType,
  navLinkValue,
  siteSettingsDocument,
  siteSettingsType,
  socialLinkType,
  socialLinkValue,
  supportNumberType,
  supportNumberValue,
} from './site-settings.ts';
import { storyDocument, storyType } from './story.ts';

export const documentTypes = [storyType, personType, quoteType, sectionType, siteSettingsType];

export const objectTypes = [
  photoType,
  photoCreditType,
  contributorType,
  bylineType,
  correctionType,
  seoType,
  pullQuoteType,
  linkAnnotationType,
  quotationAnnotationType,
  navLinkType,
  footerGroupType,
  supportNumberType,
  socialLinkType,
];

/** Every type the Studio registers. */
export const schemaTypes = [...documentTypes, ...objectTypes];

/** The zod shape of each stored document type, keyed by `_type`. */
export const documentSchemas = {
  story: storyDocument,
  person: personDocument,
  quote: quoteDocument,
  section: sectionDocument,
  siteSettings: siteSettingsDocument,
} as const;

/** The zod shape of each named object type, keyed by its Sanity type name. */
export const objectSchemas = {
  photo: photoValue,
  photoCredit: photoCreditValue,
  contributor: contributorValue,
  byline: bylineValue,
  correction: correctionValue,
  seo: seoValue,
  pullQuote: pullQuoteValue,
  link: linkMarkValue,
  quotation: quotationMarkValue,
  navLink: navLinkValue,
  footerGroup: footerGroupValue,
  supportNumber: supportNumberValue,
  socialLink: socialLinkValue,
} as const;

export type DocumentTypeName = keyof typeof documentSchemas;
