import { z } from 'zod';
import { authErrors } from '../../auth/auth-errors.ts';
import { getUserValues, setUserValues } from '../../auth/keyvalue-store.ts';
import type { Principal, Role } from '../../auth/roles.ts';
import { lookUpUsers } from '../../auth/user-directory.ts';
import type { LakeRuntime } from '../../runtime.ts';
import type { RequestContext } from '../request-context.ts';
import type { Route } from '../router.ts';

const ROLE_TITLES: Record<Role, string> = { viewer: 'Viewer', editor: 'Editor', administrator: 'Administrator' };

const keyValueBody = z
  .array(z.object({ key: z.string().min(1).max(256), value: z.unknown() }))
  .min(1, 'at least one pair');

/** The signed-in principal, or the 401 the Studio reads as "logged out". */
function signedIn(context: RequestContext, runtime: LakeRuntime): Extract<Principal, { kind: 'token' }> {
  const principal = runtime.principal(context);
  if (principal.kind !== 'token') throw authErrors.notLoggedIn();
  return principal;
}

/**
 * `GET /users/me`: the Studio's login probe. Logged in needs a string `id`
 * and a non-empty `roles`; `provider` must not be "sanity-token" (that starts
 * Sanity's unclaimed-project flow), so it names the lake.
 */
function me(context: RequestContext, runtime: LakeRuntime) {
  const { user, role } = signedIn(context, runtime);
  return Promise.resolve({
    json: {
      id: user.id,
      name: user.name,
      email: user.email ?? '',
      profileImage: null,
      provider: 'lake',
      role,
      roles: [{ name: role, title: ROLE_TITLES[role] }],
    },
  });
}

/** `GET /users/<id1,id2>`: public profiles in request order, null for unknown ids. */
function users(context: RequestContext, runtime: LakeRuntime) {
  signedIn(context, runtime);
  const ids = (context.params.ids as string).split(',').filter(Boolean);
  return Promise.resolve({ json: lookUpUsers(runtime.store.db, ids) });
}

function getValues(context: RequestContext, runtime: LakeRuntime) {
  const { user } = signedIn(context, runtime);
  const keys = (context.params.keys as string).split(',').filter(Boolean);
  return Promise.resolve({ json: getUserValues(runtime.store.db, user.id, keys) });
}

async function putValues(context: RequestContext, runtime: LakeRuntime) {
  const { user } = signedIn(context, runtime);
  const parsed = keyValueBody.safeParse(await context.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw authErrors.invalidKeyValueBody(`${issue?.path.join('.') || 'body'}: ${issue?.message}`);
  }
  return { json: setUserValues(runtime.store.db, user.id, parsed.data) };
}

export const userRoutes: Route<LakeRuntime>[] = [
  { method: 'GET', path: '/:version/users/me', handle: me },
  { method: 'GET', path: '/:version/users/me/keyvalue/:keys', handle: getValues },
  { method: 'PUT', path: '/:version/users/me/keyvalue', handle: putValues },
  { method: 'GET', path: '/:version/users/:ids', handle: users },
];
