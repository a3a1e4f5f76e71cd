import type { LakeRuntime } from '../../runtime.ts';
import type { Route } from '../router.ts';
import { assetFileRoutes } from './asset-files.ts';
import { assetRoutes } from './assets.ts';
import { datasetRoutes } from './datasets.ts';
import { docRoutes } from './doc.ts';
import { listenRoutes } from './listen.ts';
import { mutateRoutes } from './mutate.ts';
import { pingRoutes } from './ping.ts';
import { queryRoutes } from './query.ts';

/**
 * The route table. Later endpoints (data/listen, data/actions, history,
 * users, projects) are new files whose routes are added here.
 */
export const routes: Route<LakeRuntime>[] = [
  ...queryRoutes,
  ...docRoutes,
  ...listenRoutes,
  ...mutateRoutes,
  ...assetRoutes,
  ...assetFileRoutes,
  ...datasetRoutes,
  ...pingRoutes,
];
