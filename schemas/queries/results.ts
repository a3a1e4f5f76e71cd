// Zod shapes of dereferenced values: the stored shapes from the type files,
// with each reference replaced by what the queries project from its target.
import type { z } from 'zod';
import { contributorOf } from '../contributor.ts';
import { personDocument } from '../person.ts';
import { photoValue } from '../photo.ts';
import { photoCreditOf } from '../photo-credit.ts';
import { quoteDocument } from '../quote.ts';
import { imageAssetResult } from '../sanity-values.ts';

export const personSummary = personDocument.pick({ _id: true, _type: true, name: true, slug: true, title: true });

export const contributorResult = contributorOf(personSummary);

export const photoResult = photoValue.extend({
  asset: imageAssetResult,
  credit: photoCreditOf(contributorResult),
});

export const quoteResult = quoteDocument
  .pick({ _id: true, _type: true, text: true, speakerRole: true, language: true })
  .extend({ speaker: contributorResult });

/** The name to print for a contributor: the person's name or the typed name. */
export function contributorName(c: z.infer<typeof contributorResult> | undefined): string | undefined {
  return c?.person?.name ?? c?.name;
}
