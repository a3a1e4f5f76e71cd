import { type AssetKind, originalsDir } from '../../assets/asset-paths.ts';
import { spoolUpload } from '../../assets/spool-upload.ts';
import { storeAssetFile } from '../../assets/store-asset-file.ts';
import { canWrite, identityOf } from '../../auth/roles.ts';
import { errors } from '../../errors/catalog.ts';
import { mutationErrors } from '../../mutations/mutation-item-error.ts';
import { prepareTransaction } from '../../mutations/prepare-transaction.ts';
import type { LakeRuntime } from '../../runtime.ts';
import { requireDataset } from '../datasets.ts';
import type { RequestContext } from '../request-context.ts';
import type { Route } from '../router.ts';

/**
 * `POST /v{v}/assets/{images|files}/{dataset}?filename=...` with the raw bytes
 * as body → `{document}`. The same bytes always give the same asset document
 * (its id is derived from their SHA-1), so a repeated upload returns it again.
 */
function upload(kind: AssetKind) {
  return async (context: RequestContext, runtime: LakeRuntime) => {
    const principal = runtime.principal(context);
    const dataset = context.params.dataset as string;
    const state = requireDataset(runtime, dataset);
    if (!canWrite(principal)) {
      throw errors.mutationFailed(403, [mutationErrors.insufficientPermissions('create').toItem(0)]);
    }
    const contentType = context.headers['content-type'];
    const document = await storeAssetFile({
      dataDir: runtime.dataDir,
      kind,
      bytes: await spoolUpload(context.chunks(), originalsDir(runtime.dataDir, dataset, kind)),
      filename: context.url.searchParams.get('filename') ?? undefined,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      projectId: runtime.projectId,
      dataset,
      publicUrl: runtime.publicUrl(),
    });
    return runtime.store.exclusive(async () => {
      const existing = state.get(document._id);
      if (existing) return { json: { document: existing } };
      const prepared = await prepareTransaction({
        dataset,
        state,
        mutations: [{ createIfNotExists: document }],
        transactionId: undefined,
        identity: identityOf(principal),
        canWrite: true,
        autoGenerateArrayKeys: false,
        selectIds: async () => [],
      });
      runtime.store.commit(prepared.commit);
      return { json: { document: state.get(document._id) ?? document } };
    });
  };
}

export const assetRoutes: Route<LakeRuntime>[] = [
  { method: 'POST', path: '/:version/assets/images/:dataset', handle: upload('image') },
  { method: 'POST', path: '/:version/assets/files/:dataset', handle: upload('file') },
];
