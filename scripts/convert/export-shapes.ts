// The shapes of an NDJSON export, derived from the content model in schemas/.
// The one difference from stored documents: a photo carries `_sanityAsset`
// (the file to upload) instead of `asset`, as `sanity dataset export` writes it;
// the importer uploads the file and swaps in the asset reference.
import type { z } from 'zod';
import type { contributorValue } from '../../schemas/contributor.ts';
import type { personDocument } from '../../schemas/person.ts';
import type { photoValue } from '../../schemas/photo.ts';
import type { photoCreditValue } from '../../schemas/photo-credit.ts';
import type { blockValue, linkMarkValue, quotationMarkValue, spanValue } from '../../schemas/portable-text.ts';
import type { pullQuoteValue, quoteDocument } from '../../schemas/quote.ts';
import type { sectionDocument } from '../../schemas/section.ts';
import type { siteSettingsDocument } from '../../schemas/site-settings.ts';
import type { storyDocument } from '../../schemas/story.ts';

export type Photo = z.infer<typeof photoValue>;
export type PhotoCredit = z.infer<typeof photoCreditValue>;
export type Contributor = z.infer<typeof contributorValue>;
export type Block = z.infer<typeof blockValue>;
export type Span = z.infer<typeof spanValue>;
export type MarkDef = z.infer<typeof linkMarkValue> | z.infer<typeof quotationMarkValue>;
export type PullQuote = z.infer<typeof pullQuoteValue>;
export type Quote = z.infer<typeof quoteDocument>;
export type Section = z.infer<typeof sectionDocument>;
export type SiteSettings = z.infer<typeof siteSettingsDocument>;

/** A photo before import. */
export type PendingPhoto = Omit<Photo, 'asset'> & { _sanityAsset: string };
export type PendingBodyMember = Block | PullQuote | (PendingPhoto & { _key: string });
export type PendingStory = Omit<z.infer<typeof storyDocument>, 'body' | 'heroPhoto'> & {
  body: PendingBodyMember[];
  heroPhoto?: PendingPhoto;
};
export type PendingPerson = Omit<z.infer<typeof personDocument>, 'portrait'> & { portrait?: PendingPhoto };

export type ExportDocument = PendingStory | PendingPerson | Quote | Section | SiteSettings;

/** `image@file://./images/<file>`: the export folder's own images/ directory. */
export function sanityAsset(fileName: string): string {
  return `image@file://./images/${fileName}`;
}

export const SANITY_ASSET = /^image@file:\/\/\.\/images\/([^/]+)$/;
