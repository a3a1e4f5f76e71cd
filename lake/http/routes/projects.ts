import { canWrite, type Principal } from '../../auth/roles.ts';
import { projectMembers } from '../../auth/user-directory.ts';
import { LakeError } from '../../errors/lake-error.ts';
import type { LakeRuntime } from '../../runtime.ts';
import type { RequestContext } from '../request-context.ts';
import type { Route } from '../router.ts';

type Handler = Route<LakeRuntime>['handle'];

/**
 * A 404 the Studio classifies as "the project this Studio points at does not
 * exist" (`attributes.type: "project"`): here that is exactly the case.
 */
function projectNotFound(projectId: string, served: string) {
  return new LakeError({
    status: 404,
    name: 'ProjectNotFound',
    type: 'notFound',
    description: `Project "${projectId}" not found; this lake serves project "${served}"`,
    style: 'gateway',
    details: { attributes: { type: 'project', id: projectId } },
    hint: 'Set the Studio and clients to the projectId the lake was started with (LAKE_PROJECT_ID, default "local").',
  });
}

/** The dataset-management API's 404, which the Studio reads as a configuration error (`error: "Dataset not found"`). */
function datasetNotFound(dataset: string) {
  return new LakeError({
    status: 404,
    name: 'DatasetNotFound',
    type: 'notFound',
    description: `Dataset "${dataset}" not found`,
    style: 'gateway',
    details: { error: 'Dataset not found' },
    hint: 'Create the dataset (PUT /v1/projects/<projectId>/datasets/<name>) or point the Studio at an existing one.',
  });
}

function forProject(handler: Handler): Handler {
  return (context, runtime) => {
    if (context.params.projectId !== runtime.projectId) {
      throw projectNotFound(context.params.projectId as string, runtime.projectId);
    }
    return handler(context, runtime);
  };
}

const constant =
  (value: unknown): Handler =>
  () =>
    Promise.resolve({ json: value });

/**
 * `GET /projects/<id>`: `organizationId` is null on purpose (a truthy one
 * makes the Studio open an agent-bundles listener on Sanity's hosted API).
 */
function project(context: RequestContext, runtime: LakeRuntime) {
  const principal = runtime.principal(context);
  const self = principal.kind === 'token' ? principal.user.id : undefined;
  const created = runtime.store.listDatasets()[0]?.createdAt ?? new Date(0).toISOString();
  const body: Record<string, unknown> = {
    id: runtime.projectId,
    displayName: 'Newsroom (local lake)',
    studioHost: null,
    organizationId: null,
    organization: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    activityFeedEnabled: false,
    metadata: {},
    createdAt: created,
  };
  if (context.url.searchParams.get('includeMembers') !== 'false') {
    body.members = projectMembers(runtime.store.db).map((member) => ({
      ...member,
      roles: [{ name: member.role, title: member.role }],
      isCurrentUser: member.id === self,
    }));
  }
  return Promise.resolve({ json: body });
}

/** Grants as Sanity's ACL endpoint gives them; the Studio evaluates each filter with groq-js. */
export function datasetGrants(principal: Principal, aclMode: string) {
  if (canWrite(principal)) {
    return [{ filter: '_id in path("**")', permissions: ['read', 'create', 'update', 'history', 'editHistory'] }];
  }
  if (principal.kind === 'token') return [{ filter: '_id in path("**")', permissions: ['read', 'history'] }];
  if (aclMode === 'private') return [];
  return [{ filter: '!(_id in path("drafts.**")) && !(_id in path("versions.**"))', permissions: ['read'] }];
}

function acl(context: RequestContext, runtime: LakeRuntime) {
  const principal = runtime.principal(context);
  const aclMode = runtime.store.aclMode(context.params.dataset as string);
  if (!aclMode) throw datasetNotFound(context.params.dataset as string);
  return Promise.resolve({ json: datasetGrants(principal, aclMode) });
}

export const projectRoutes: Route<LakeRuntime>[] = [
  { method: 'GET', path: '/:version/projects/:projectId', handle: forProject(project) },
  { method: 'GET', path: '/:version/projects/:projectId/datasets/:dataset/acl', handle: forProject(acl) },
  // `{}`: no deployStudio grant (so no schema upload to Sanity) and no "invite members" menu.
  { method: 'GET', path: '/:version/projects/:projectId/grants', handle: forProject(constant({})) },
  { method: 'GET', path: '/:version/projects/:projectId/user-applications', handle: forProject(constant([])) },
];
