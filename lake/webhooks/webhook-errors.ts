import { LakeError } from '../errors/lake-error.ts';

// The webhooks' entries of the lake's error catalog.
export const webhookErrors = {
  invalidDefinition: (field: string, problem: string) =>
    new LakeError({
      status: 400,
      name: 'InvalidWebhook',
      type: 'validationError',
      description: `Invalid webhook: ${field ? `"${field}" ` : ''}${problem}`,
      hint: "Definitions follow Sanity's webhooks API: {name, url, dataset, rule: {on, filter, projection}, httpMethod, apiVersion, includeDrafts, headers, secret}.",
    }),

  invalidGroq: (field: 'filter' | 'projection', message: string) =>
    new LakeError({
      status: 400,
      name: 'InvalidWebhookGroq',
      type: 'validationError',
      description: `Invalid webhook: rule.${field} is not valid GROQ: ${message}`,
      hint:
        field === 'filter'
          ? 'Write the filter without the surrounding *[ ], e.g. _type == "story" && delta::changedAny(headline).'
          : 'Write the projection with its braces, e.g. {_id, _type, _rev, "slug": slug.current}.',
    }),

  nameTaken: (name: string) =>
    new LakeError({
      status: 409,
      name: 'WebhookNameTaken',
      type: 'conflict',
      description: `A webhook named "${name}" already exists`,
      hint: 'Pick another name, or remove the existing one first (node scripts/webhooks.ts remove <name>).',
    }),
};
