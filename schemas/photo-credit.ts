// A photo credit as newsrooms print it: "Photographer: Atta Kenare/AFP/Getty Images".
import type { ObjectDefinition } from 'sanity';
import { z } from 'zod';
import { contributorValue } from './contributor.ts';

export const photoCreditType = {
  name: 'photoCredit',
  title: 'Credit',
  type: 'object',
  description: 'Who took the photo and who distributes it. Printed under the photo.',
  fields: [
    {
      name: 'photographer',
      title: 'Photographer',
      type: 'contributor',
      description: 'Leave empty for handouts and agency pool photos; the agencies are then credited alone.',
    },
    {
      name: 'agencies',
      title: 'Agencies',
      type: 'array',
      of: [{ type: 'string' }],
      options: { layout: 'tags' },
      description: 'In the order they are credited, for example "AFP", then "Getty Images".',
    },
    {
      name: 'rightsNote',
      title: 'Rights note',
      type: 'string',
      description: 'Restrictions for editors, for example "Editorial use only". Not printed.',
    },
  ],
  validation: (rule) =>
    rule.custom((value) => {
      const v = value as { photographer?: unknown; agencies?: string[] } | undefined;
      if (!v || (!v.photographer && !(v.agencies?.length ?? 0))) {
        return 'A credit needs a photographer or at least one agency.';
      }
      return true;
    }),
} satisfies ObjectDefinition;

/** The credit shape around a given contributor shape (stored, or dereferenced). */
export function photoCreditOf<C extends z.ZodType>(contributor: C) {
  return z
    .object({
      _type: z.literal('photoCredit').optional(),
      photographer: contributor.optional(),
      agencies: z.array(z.string().trim().min(1)).optional(),
      rightsNote: z.string().optional(),
    })
    .refine((v) => Boolean(v.photographer) || (v.agencies?.length ?? 0) > 0, {
      message: 'A credit needs a photographer or at least one agency',
    });
}

export const photoCreditValue = photoCreditOf(contributorValue);

/**
 * What the credit line says: its label and the names it credits, in order.
 * Pages print each name in a <bdi>, so that names in right-to-left scripts
 * keep their order in the line ("عطا کنارے/ایرنا" would read backwards).
 */
export function creditParts(credit: {
  photographerName?: string;
  agencies?: readonly string[];
}): { label: 'Photographer' | 'Source'; names: string[] } | undefined {
  const agencies = credit.agencies?.filter((a) => a.trim()) ?? [];
  if (credit.photographerName) return { label: 'Photographer', names: [credit.photographerName, ...agencies] };
  return agencies.length ? { label: 'Source', names: agencies } : undefined;
}

/**
 * The printed credit line. With a photographer: "Photographer: Name/Agency/Agency";
 * agencies alone: "Source: Agency/Agency".
 */
export function creditLine(credit: { photographerName?: string; agencies?: readonly string[] }): string {
  const parts = creditParts(credit);
  return parts ? `${parts.label}: ${parts.names.join('/')}` : '';
}
