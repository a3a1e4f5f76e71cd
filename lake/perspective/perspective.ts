// Perspectives are the server's job (groq-js has none). A perspective is
// either `raw` (every document side by side) or a stack of layers laid over
// the published documents: `published` is the empty stack, `drafts` puts
// `drafts.<id>` on top, and release ids put `versions.<release>.<id>` on top,
// the first listed winning (Sanity's `perspective=rA,rB,drafts`).
import { errors } from '../errors/catalog.ts';

export type Perspective = { kind: 'raw'; includeVersions: boolean } | { kind: 'stack'; layers: Layer[] };

/** `drafts` or a release id. */
export type Layer = { kind: 'drafts' } | { kind: 'release'; releaseId: string };

/** API versions from this date default to `published` and show `versions.` documents in `raw`. */
export const RELEASES_API_VERSION = '2025-02-19';

const RELEASE_ID = /^[A-Za-z0-9_-]+$/;

/** `v1` is the original API; `vX` is the experimental latest; otherwise a date. */
function isAtLeast(apiVersion: string, date: string): boolean {
  if (apiVersion === 'X') return true;
  if (apiVersion === '1') return false;
  return apiVersion >= date;
}

/**
 * Reads the `perspective` parameter. Absent means Sanity's default for the
 * API version: `published` from 2025-02-19 (and vX), `raw` before.
 */
export function parsePerspective(value: string | undefined | null, apiVersion: string): Perspective {
  const modern = isAtLeast(apiVersion, RELEASES_API_VERSION);
  const raw = value?.trim();
  if (!raw) return modern ? { kind: 'stack', layers: [] } : { kind: 'raw', includeVersions: false };
  const names = raw.split(',').map((name) => name.trim());
  if (names.length === 1 && names[0] === 'raw') return { kind: 'raw', includeVersions: modern };
  const layers: Layer[] = [];
  for (const name of names) {
    if (name === 'published') continue;
    if (name === 'drafts' || name === 'previewDrafts') layers.push({ kind: 'drafts' });
    else if (name !== 'raw' && RELEASE_ID.test(name)) layers.push({ kind: 'release', releaseId: name });
    else {
      throw errors.badRequest(
        'InvalidPerspective',
        `Invalid perspective "${raw}": "${name}" is not raw, published, drafts or a release id`,
        'Use perspective=raw, published, drafts, or a comma-separated stack of release ids (raw cannot be combined).',
      );
    }
  }
  return { kind: 'stack', layers };
}

/** What anonymous requests get: hosted Sanity never shows them drafts or versions. */
export const PUBLISHED: Perspective = { kind: 'stack', layers: [] };

export function perspectiveKey(perspective: Perspective): string {
  if (perspective.kind === 'raw') return perspective.includeVersions ? 'raw+versions' : 'raw';
  return `stack:${perspective.layers.map((layer) => (layer.kind === 'drafts' ? 'drafts' : `r:${layer.releaseId}`)).join(',')}`;
}
