import type { LakeRuntime } from '../../runtime.ts';
import type { Route } from '../router.ts';
import { actionRoutes } from './actions.ts';
import { assetFileRoutes } from './asset-files.ts';
import { assetRoutes } from './assets.ts';
import { authRoutes } from './auth.ts';
import { bootRoutes } from './boot.ts';
import { datasetRoutes } from './datasets.ts';
import { docRoutes } from './doc.ts';
import { historyRoutes } from './history.ts';
import { listenRoutes } from './listen.ts';
import { mutateRoutes } from './mutate.ts';
import { pingRoutes } from './ping.ts';
import { projectRoutes } from './projects.ts';
import { queryRoutes } from './query.ts';
import { userRoutes } from './users.ts';

/**
 * The route table. Later endpoints (data/listen, data/actions, history,
 * users, projects) are new files whose routes are added here.
 */
export const routes: Route<LakeRuntime>[] = [
  ...queryRoutes,
  ...docRoutes,
  ...listenRoutes,
  ...historyRoutes,
  ...mutateRoutes,
  ...actionRoutes,
  ...assetRoutes,
  ...assetFileRoutes,
  ...datasetRoutes,
  ...pingRoutes,
  ...userRoutes,
  ...authRoutes,
  ...projectRoutes,
  ...bootRoutes,
];
