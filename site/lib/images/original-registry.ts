// The image originals the loaded content can show (heroes, inline photos,
// portraits), gathered by the loaders so the build can fetch them all while
// the content host is still up, and then let an embedded lake go (see
// integration.ts).
import { processShared } from '../process-shared.ts';

const ASSET_ID = /^image-[A-Za-z0-9]+-\d+x\d+-[a-z0-9]+$/;

const registry = () => processShared('imageOriginals', () => new Set<string>());

/** Whether a document id or reference names an image asset. */
export function isImageAssetId(id: string): boolean {
  return ASSET_ID.test(id);
}

/** Records one image asset id. */
export function requireOriginal(assetId: string): void {
  registry().add(assetId);
}

/** Records every image asset id (`_id` or `_ref`) anywhere in `value`. */
export function requireOriginalsIn(value: unknown): void {
  const found = registry();
  const stack: unknown[] = [value];
  while (stack.length) {
    const next = stack.pop();
    if (Array.isArray(next)) stack.push(...next);
    else if (next && typeof next === 'object') {
      for (const [key, v] of Object.entries(next)) {
        if ((key === '_id' || key === '_ref') && typeof v === 'string' && isImageAssetId(v)) found.add(v);
        else if (v && typeof v === 'object') stack.push(v);
      }
    }
  }
}

export function requiredOriginals(): ReadonlySet<string> {
  return registry();
}

export function resetOriginals(): void {
  registry().clear();
}
