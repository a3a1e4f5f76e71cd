// Validates NDJSON export documents against the content model. Photos in an
// export carry `_sanityAsset` (the file to upload) instead of `asset`; the
// importer swaps one for the other, so here a fake asset reference stands in.
import { documentSchemas } from '../../../schemas/index.ts';

export const FAKE_ASSET = { _type: 'reference', _ref: 'image-0123456789abcdef0123456789abcdef01234567-1x1-jpg' };

export function withFakeAssets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withFakeAssets);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== '_sanityAsset') out[k] = withFakeAssets(v);
  if (typeof (value as { _sanityAsset?: unknown })._sanityAsset === 'string') out.asset = FAKE_ASSET;
  return out;
}

/** Problems as `id path: message`; empty when the document is valid. */
export function validateExportDocument(doc: { _id?: unknown; _type?: unknown }): string[] {
  const schema = documentSchemas[doc._type as keyof typeof documentSchemas];
  if (!schema) return [`${String(doc._id)}: unknown _type ${String(doc._type)}`];
  const result = schema.safeParse(withFakeAssets(doc));
  if (result.success) return [];
  return result.error.issues.map((i) => `${String(doc._id)} ${i.path.join('.')}: ${i.message}`);
}

export function parseNdjson(text: string): { _id: string; _type: string; [k: string]: unknown }[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
