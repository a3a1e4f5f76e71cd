import { outgoingRefs } from '../groq/outgoing-refs.ts';
import { draftIdOf, isPublishedId, isVersionId, publishedIdOf, versionIdOf } from '../ids/document-id.ts';
import type { DatasetState } from '../store/dataset-state.ts';
import { compareIds, type LakeDocument } from '../store/document.ts';
import { type Layer, type Perspective, perspectiveKey } from './perspective.ts';

/** A dataset seen through a perspective: what `*` is, and what `->` resolves against. */
export type View = {
  /** Every visible document, sorted by `_id`. */
  docs: LakeDocument[];
  byId: Map<string, LakeDocument>;
  /** The visible documents of one `_type`, sorted by `_id`. */
  ofType(type: string): LakeDocument[];
  /** The visible documents that reference any of `ids` (as groq-js's references() does), sorted by `_id`. */
  referrers(ids: readonly string[]): LakeDocument[];
};

/** The view of `state` under `perspective`, cached until the dataset changes. */
export function viewOf(state: DatasetState, perspective: Perspective): View {
  return state.derive(`view:${perspectiveKey(perspective)}`, () => buildView(state, perspective));
}

function buildView(state: DatasetState, perspective: Perspective): View {
  const all = state.sorted();
  const docs =
    perspective.kind === 'raw'
      ? perspective.includeVersions
        ? all
        : all.filter((doc) => !isVersionId(doc._id))
      : perspective.layers.length === 0
        ? all.filter((doc) => isPublishedId(doc._id))
        : overlay(state, all, perspective.layers);
  return indexView(docs);
}

/**
 * Lays each layer over the published documents. The winner is returned under
 * the published `_id`, with `_originalId` naming the document it came from.
 */
function overlay(state: DatasetState, all: LakeDocument[], layers: Layer[]): LakeDocument[] {
  const publishedIds = new Set<string>();
  for (const doc of all) {
    const id = publishedIdOf(doc._id);
    if (isPublishedId(doc._id) || layers.some((layer) => layerId(layer, id) === doc._id)) publishedIds.add(id);
  }
  const result: LakeDocument[] = [];
  for (const id of publishedIds) {
    let winner: LakeDocument | undefined;
    for (const layer of layers) {
      winner = state.get(layerId(layer, id));
      if (winner) break;
    }
    winner ??= state.get(id);
    if (winner) result.push({ ...winner, _id: id, _originalId: winner._id });
  }
  return result.sort(compareIds);
}

function layerId(layer: Layer, publishedId: string): string {
  return layer.kind === 'drafts' ? draftIdOf(publishedId) : versionIdOf(layer.releaseId, publishedId);
}

/** A view over an explicit, `_id`-sorted list (a transaction's in-progress state). */
export function indexView(docs: LakeDocument[]): View {
  const byId = new Map<string, LakeDocument>();
  for (const doc of docs) byId.set(doc._id, doc);
  let byType: Map<string, LakeDocument[]> | undefined;
  let byRef: Map<string, LakeDocument[]> | undefined;
  return {
    docs,
    byId,
    ofType(type) {
      if (!byType) {
        byType = new Map();
        for (const doc of docs) {
          if (typeof doc._type !== 'string') continue;
          const list = byType.get(doc._type);
          if (list) list.push(doc);
          else byType.set(doc._type, [doc]);
        }
      }
      return byType.get(type) ?? [];
    },
    referrers(ids) {
      if (!byRef) {
        byRef = new Map();
        for (const doc of docs) {
          for (const ref of outgoingRefs(doc)) {
            const list = byRef.get(ref);
            if (list) list.push(doc);
            else byRef.set(ref, [doc]);
          }
        }
      }
      const found = new Set<LakeDocument>();
      for (const id of ids) for (const doc of byRef.get(id) ?? []) found.add(doc);
      return [...found].sort(compareIds);
    },
  };
}
