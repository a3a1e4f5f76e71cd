import { z } from 'zod';

const OPERATIONS = ['create', 'update', 'delete'] as const;
export type WebhookOperation = (typeof OPERATIONS)[number];

/**
 * A webhook definition in the shape of Sanity's webhooks API (`POST
 * /hooks/projects/<id>`, type `document`), so the same definition and the
 * same receiver serve hosted Sanity.
 */
export const webhookDefinitionSchema = z.object({
  type: z.literal('document').default('document'),
  /** Unique per lake; the CLI and the API find webhooks by name or id. */
  name: z.string().trim().min(1, 'a webhook needs a name').max(200),
  description: z.string().max(1024).nullable().default(null),
  /** Where deliveries go (http or https). */
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }),
  /** A dataset name, or `*` for every dataset. */
  dataset: z
    .string()
    .regex(/^(\*|[a-z0-9][a-z0-9_-]{0,63})$/, 'dataset must be a dataset name or "*"')
    .default('*'),
  rule: z
    .object({
      /** Which changes fire it: create (a matching document appears), update, delete (disappears). */
      on: z
        .array(z.enum(OPERATIONS))
        .min(1, 'rule.on needs at least one of create, update, delete')
        .default([...OPERATIONS]),
      /** A GROQ filter (what goes between `*[` and `]`), delta functions allowed; empty matches all. */
      filter: z.string().nullable().default(null),
      /** A GROQ projection (`{_id, title}`) for the body; empty sends the whole document. */
      projection: z.string().nullable().default(null),
    })
    .default({ on: [...OPERATIONS], filter: null, projection: null }),
  /** Webhooks use `vYYYY-MM-DD` GROQ; delta functions need v2021-03-25 or later. */
  apiVersion: z
    .string()
    .regex(/^v(\d{4}-\d{2}-\d{2}|1|X)$/, 'apiVersion looks like v2021-03-25')
    .default('v2021-03-25'),
  httpMethod: z.enum(['POST', 'PUT', 'PATCH', 'DELETE', 'GET']).default('POST'),
  /** Drafts fire too (not versions). Off by default: only published documents. */
  includeDrafts: z.boolean().default(false),
  /** Static request headers. */
  headers: z.record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'a header name'), z.string()).default({}),
  /** Signs each delivery (`sanity-webhook-signature`); unsigned without it. */
  secret: z.string().min(1).nullable().default(null),
  isDisabledByUser: z.boolean().default(false),
});

export type WebhookDefinition = z.input<typeof webhookDefinitionSchema>;

/** A stored webhook: the definition with its id, and the log position it was created at. */
export type Webhook = z.output<typeof webhookDefinitionSchema> & {
  id: string;
  createdAt: string;
  /** Transactions up to this log position happened before the webhook existed and never fire it. */
  sinceSeq: number;
};
