import type { LakeRuntime } from '../../runtime.ts';
import type { Route } from '../router.ts';

const pong = () => Promise.resolve({ status: 200, body: 'PONG', contentType: 'text/plain; charset=utf-8' });

/** Liveness checks the Studio and scripts make. */
export const pingRoutes: Route<LakeRuntime>[] = [
  { method: 'GET', path: '/:version/ping', handle: pong },
  { method: 'GET', path: '/:version/data/ping/:dataset', handle: pong },
];
