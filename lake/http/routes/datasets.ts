import { canManage } from '../../auth/roles.ts';
import { errors } from '../../errors/catalog.ts';
import type { LakeRuntime } from '../../runtime.ts';
import { assertDatasetName } from '../datasets.ts';
import type { RequestContext } from '../request-context.ts';
import type { Route } from '../router.ts';

function list(context: RequestContext, runtime: LakeRuntime) {
  // Every lake dataset has the default "content" profile; the Studio asks for a "comments" add-on dataset, of which there is none.
  const profile = context.url.searchParams.get('datasetProfile');
  if (profile && profile !== 'content') return Promise.resolve({ json: [] });
  return Promise.resolve({
    json: runtime.store.listDatasets().map((dataset) => ({ name: dataset.name, aclMode: dataset.aclMode })),
  });
}

/** `PUT .../datasets/{name}` (optionally `{aclMode}`): creates it; creating an existing one is a no-op. */
async function create(context: RequestContext, runtime: LakeRuntime) {
  if (!canManage(runtime.principal(context))) {
    throw errors.forbidden(`Creating dataset "${context.params.name}" needs a token with the administrator role`);
  }
  const name = context.params.name as string;
  assertDatasetName(name);
  const body = (await context.body()).length > 0 ? await context.json() : {};
  const aclMode =
    typeof (body as { aclMode?: unknown }).aclMode === 'string' ? (body as { aclMode: string }).aclMode : 'public';
  if (aclMode !== 'public' && aclMode !== 'private') {
    throw errors.badRequest(
      'InvalidAclMode',
      `aclMode must be "public" or "private", got "${aclMode}"`,
      'Omit aclMode for public.',
    );
  }
  runtime.store.createDataset(name, aclMode);
  return { json: { datasetName: name, aclMode } };
}

function checkProject(handler: (context: RequestContext, runtime: LakeRuntime) => Promise<{ json: unknown }>) {
  return (context: RequestContext, runtime: LakeRuntime) => {
    if (context.params.projectId !== runtime.projectId) {
      throw errors.notFound(
        'ProjectNotFound',
        `Project "${context.params.projectId}" not found; this lake serves project "${runtime.projectId}"`,
        'Use the projectId the lake was started with (option projectId, default "local").',
      );
    }
    return handler(context, runtime);
  };
}

export const datasetRoutes: Route<LakeRuntime>[] = [
  { method: 'GET', path: '/:version/datasets', handle: list },
  { method: 'PUT', path: '/:version/datasets/:name', handle: create },
  { method: 'GET', path: '/:version/projects/:projectId/datasets', handle: checkProject(list) },
  { method: 'PUT', path: '/:version/projects/:projectId/datasets/:name', handle: checkProject(create) },
];
