import { createReadStream, existsSync } from 'node:fs';
import { FILE_FILE, IMAGE_FILE, originalPath } from '../../assets/asset-paths.ts';
import { downloadHeaders } from '../../assets/download-name.ts';
import { contentTypeOf } from '../../assets/file-type.ts';
import { parseImageParams } from '../../assets/image-params.ts';
import { renderImage } from '../../assets/render-image.ts';
import { errors } from '../../errors/catalog.ts';
import type { LakeRuntime } from '../../runtime.ts';
import { assertDatasetName } from '../datasets.ts';
import type { RequestContext } from '../request-context.ts';
import type { Route } from '../router.ts';

// Originals and variants never change under a URL (the name is the content's hash).
const IMMUTABLE = { 'cache-control': 'public, max-age=31536000, immutable' };

/**
 * The original a URL names, and the headers every answer for it carries (with
 * `?dl`, the name to save it under). The file stays on disk when its asset
 * document is deleted (uploads dedupe by content, and history may bring the
 * document back), but a deleted asset is not served: an editor who deletes a
 * photo the newsroom may not use expects its address to stop working, as on
 * Sanity's CDN.
 */
function locate(context: RequestContext, runtime: LakeRuntime, kind: 'image' | 'file') {
  const { projectId, dataset, name } = context.params as { projectId: string; dataset: string; name: string };
  assertDatasetName(dataset);
  const match = (kind === 'image' ? IMAGE_FILE : FILE_FILE).exec(name);
  const path = match ? originalPath(runtime.dataDir, dataset, kind, name) : undefined;
  const assetId = match ? assetDocumentId(kind, match) : undefined;
  const documented = assetId !== undefined && runtime.store.dataset(dataset)?.get(assetId) !== undefined;
  if (projectId !== runtime.projectId || !match || !path || !documented || !existsSync(path)) {
    throw errors.notFound(
      'AssetNotFound',
      `No ${kind} asset at ${context.url.pathname}`,
      'Use the asset document\'s "url", or @sanity/image-url with this lake as baseUrl; a deleted asset is not served.',
    );
  }
  const headers = { ...IMMUTABLE, ...downloadHeaders(context.url.searchParams, name) };
  return { dataset, path, extension: match[match.length - 1] as string, headers };
}

/** `image-<sha1>-<w>x<h>-<ext>` or `file-<sha1>-<ext>`: the id of the asset document a file name belongs to. */
function assetDocumentId(kind: 'image' | 'file', [, sha1, ...rest]: RegExpExecArray): string {
  return kind === 'image' ? `image-${sha1}-${rest[0]}x${rest[1]}-${rest[2]}` : `file-${sha1}-${rest[0]}`;
}

export const assetFileRoutes: Route<LakeRuntime>[] = [
  {
    method: 'GET',
    path: '/images/:projectId/:dataset/:name',
    async handle(context, runtime) {
      const { dataset, path, extension, headers } = locate(context, runtime, 'image');
      const params = parseImageParams(context.url.searchParams);
      const transforms = Object.values(params).some((value) => value !== undefined);
      if (!transforms) {
        return { body: createReadStream(path), contentType: contentTypeOf(extension), headers };
      }
      const accept = context.headers.accept;
      const rendered = await renderImage({
        dataDir: runtime.dataDir,
        dataset,
        source: path,
        extension,
        params,
        accept: typeof accept === 'string' ? accept : undefined,
        cache: runtime.variants,
        slots: runtime.renders,
      });
      return {
        body: createReadStream(rendered.path),
        contentType: rendered.contentType,
        headers: { ...headers, 'x-lake-cache': rendered.cache, vary: 'Accept' },
      };
    },
  },
  {
    method: 'GET',
    path: '/files/:projectId/:dataset/:name',
    async handle(context, runtime) {
      const { path, extension, headers } = locate(context, runtime, 'file');
      return { body: createReadStream(path), contentType: contentTypeOf(extension), headers };
    },
  },
];
