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

/**
 * `PUT .../datasets/{name}` (optionally `{aclMode}`): creates it. On an
 * existing dataset an explicit aclMode is applied, and the answer always says
 * the mode the dataset has: an operator is never told of a change not made.
 */
async function create(context: RequestContext, runtime: LakeRuntime) {
  const { name, aclMode } = await readDatasetRequest(context, runtime, 'Creating');
  if (!runtime.store.createDataset(name, aclMode ?? 'public') && aclMode) runtime.store.setAclMode(name, aclMode);
  return { json: { datasetName: name, aclMode: runtime.store.aclMode(name) } };
}

/** `PATCH .../datasets/{name}` with `{aclMode}`, as @sanity/client's `datasets.edit` sends it. */
async function edit(context: RequestContext, runtime: LakeRuntime) {
  const { name, aclMode } = await readDatasetRequest(context, runtime, 'Editing');
  if (!aclMode) throw invalidBody(name, 'has no aclMode to change');
  if (!runtime.store.setAclMode(name, aclMode)) throw errors.datasetNotFound(name, runtime.projectId);
  return { json: { datasetName: name, aclMode } };
}

async function readDatasetRequest(context: RequestContext, runtime: LakeRuntime, verb: string) {
  const name = context.params.name as string;
  if (!canManage(runtime.principal(context))) {
    throw errors.forbidden(`${verb} dataset "${name}" needs a token with the administrator role`);
  }
  assertDatasetName(name);
  const body = (await context.body()).length > 0 ? await context.json() : {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidBody(
      name,
      `must be a JSON object, got ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}`,
    );
  }
  const aclMode = (body as { aclMode?: unknown }).aclMode;
  if (aclMode !== undefined && aclMode !== 'public' && aclMode !== 'private') {
    throw errors.badRequest(
      'InvalidAclMode',
      `aclMode of dataset "${name}" must be "public" or "private", got ${JSON.stringify(aclMode)}`,
      'Omit aclMode for public.',
    );
  }
  return { name, aclMode: aclMode as 'public' | 'private' | undefined };
}

function invalidBody(name: string, problem: string) {
  return errors.badRequest(
    'InvalidDatasetBody',
    `The request body for dataset "${name}" ${problem}`,
    'Send {"aclMode": "public"} or {"aclMode": "private"}.',
  );
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
  { method: 'PATCH', path: '/:version/datasets/:name', handle: edit },
  { method: 'PATCH', path: '/:version/projects/:projectId/datasets/:name', handle: checkProject(edit) },
];
