import type { ObjectDefinition } from 'sanity';
import { z } from 'zod';
import { isoDateTime } from './sanity-values.ts';
import { utcMinute } from './utc-minute.ts';

export const correctionType = {
  name: 'correction',
  title: 'Correction',
  type: 'object',
  description: 'A dated note that tells readers what was wrong and what changed.',
  fields: [
    {
      name: 'date',
      title: 'Date',
      type: 'datetime',
      description: 'When the correction was made.',
      validation: (rule) => rule.required().error('Date the correction.'),
    },
    {
      name: 'text',
      title: 'Correction',
      type: 'text',
      rows: 3,
      description: 'For example "An earlier version misstated the date of the attack."',
      validation: (rule) => rule.required().error('Say what was corrected.'),
    },
  ],
  // The list of corrections shows each one's date as editors read dates
  // elsewhere in the Studio, not as the stored ISO text.
  preview: {
    select: { title: 'text', date: 'date' },
    prepare: ({ title, date }: Record<string, unknown>) => ({
      title: typeof title === 'string' && title.trim() ? title : 'No correction text yet',
      subtitle: utcMinute(date) ?? 'Not dated yet',
    }),
  },
} satisfies ObjectDefinition;

export const correctionValue = z.object({
  _type: z.literal('correction').optional(),
  _key: z.string(),
  date: isoDateTime,
  text: z.string().trim().min(1),
});
