import type { LakeDocument } from '../store/document.ts';

const ASSET_ID = /^(image)-([a-f0-9]{40})-\d+x\d+-([a-z0-9]+)$|^(file)-([a-f0-9]{40})-([a-z0-9]+)$/;

/**
 * Rewrites every object whose `asset._ref` is an image or file asset id into
 * Sanity's export placeholder `{_sanityAsset: "image@file://./images/<sha1>.<ext>", ...other fields}`,
 * collecting the asset ids used.
 */
export function rewriteAssetRefs(doc: LakeDocument, used: Set<string>): LakeDocument {
  return rewrite(doc, used) as LakeDocument;
}

function rewrite(value: unknown, used: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, used));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const ref = (record.asset as { _ref?: unknown } | undefined)?._ref;
  const match = typeof ref === 'string' ? ASSET_ID.exec(ref) : null;
  const out: Record<string, unknown> = {};
  if (match) {
    const kind = match[1] ?? match[4];
    const sha1 = match[2] ?? match[5];
    const extension = match[3] ?? match[6];
    used.add(ref as string);
    out._sanityAsset = `${kind}@file://./${kind}s/${sha1}.${extension}`;
  }
  for (const [key, child] of Object.entries(record)) {
    if (match && key === 'asset') continue;
    out[key] = rewrite(child, used);
  }
  return out;
}
