import type { LakeDocument } from '../../store/document.ts';
import { encodePatch } from './encode-patch.ts';
import type { MendozaPatch } from './mendoza-opcodes.ts';

/** What a transaction did to one document, both ways, in mendoza format. */
export type DocumentEffects = { apply: MendozaPatch; revert: MendozaPatch };

/**
 * The listener's and history's `effects` for one document. They are computed
 * without `_rev`: the Studio strips it before applying them (a key it counted
 * would shift every field index). A document that appears or disappears gets
 * the whole-value form, which the history relies on to spot creations
 * (`revert` exactly `[0, null]`) and deletions (`apply` exactly `[0, null]`).
 */
export function documentEffects(before: LakeDocument | null, after: LakeDocument | null): DocumentEffects {
  const from = withoutRev(before);
  const to = withoutRev(after);
  if (!from || !to) return { apply: [0, to], revert: [0, from] };
  return { apply: encodePatch(from, to), revert: encodePatch(to, from) };
}

function withoutRev(doc: LakeDocument | null): Omit<LakeDocument, '_rev'> | null {
  if (!doc) return null;
  const { _rev, ...rest } = doc;
  return rest;
}
