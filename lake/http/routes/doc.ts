import { canReadDataset, canReadDrafts } from '../../auth/roles.ts';
import { isPublishedId, publishedIdOf } from '../../ids/document-id.ts';
import type { LakeRuntime } from '../../runtime.ts';
import type { LakeDocument } from '../../store/document.ts';
import { requireDataset } from '../datasets.ts';
import { flag } from '../flags.ts';
import type { Route } from '../router.ts';

type Omitted = { id: string; reason: 'existence' | 'permission' };

/**
 * `GET /v{v}/data/doc/{dataset}/{id1,id2}`: documents by exact id (no
 * perspective). Missing ids are listed in `omitted` with reason `existence`;
 * drafts and versions an anonymous caller may not read, with `permission`.
 */
export const docRoutes: Route<LakeRuntime>[] = [
  {
    method: 'GET',
    path: '/:version/data/doc/:dataset/:ids',
    async handle(context, runtime) {
      const principal = runtime.principal(context);
      const state = requireDataset(runtime, context.params.dataset as string);
      const ids = [...new Set((context.params.ids as string).split(',').filter(Boolean))];
      const search = context.url.searchParams;
      const excludeContent = flag(search, 'excludeContent');
      const allVersions = flag(search, 'includeAllVersions');
      const dataset = canReadDataset(principal, runtime.store.aclMode(context.params.dataset as string));
      const readable = (id: string) => dataset && (isPublishedId(id) || canReadDrafts(principal));
      const versions = allVersions ? versionsOf(state.sorted(), ids) : undefined;
      const documents: LakeDocument[] = [];
      const omitted: Omitted[] = [];
      for (const id of ids) {
        const found = versions
          ? (versions.get(publishedIdOf(id)) ?? [])
          : [state.get(id)].filter((d) => d !== undefined);
        const visible = found.filter((doc) => readable(doc._id));
        if (found.length === 0) omitted.push({ id, reason: 'existence' });
        else if (visible.length === 0) omitted.push({ id, reason: 'permission' });
        for (const doc of visible) documents.push(excludeContent ? stub(doc) : doc);
      }
      return { json: { documents, omitted } };
    },
  },
];

/**
 * Each asked-for document's published form with its draft and release
 * versions, by published id, in one pass over the dataset: a pass per id made
 * a URL of 1,500 ids hold the lake (every other request) for seconds.
 */
function versionsOf(all: LakeDocument[], ids: string[]): Map<string, LakeDocument[]> {
  const versions = new Map(ids.map((id) => [publishedIdOf(id), [] as LakeDocument[]]));
  for (const doc of all) versions.get(publishedIdOf(doc._id))?.push(doc);
  return versions;
}

/** `excludeContent=true` (the client's existence checks): identity fields only. */
function stub(doc: LakeDocument): LakeDocument {
  return { _id: doc._id, _type: doc._type, _rev: doc._rev };
}
