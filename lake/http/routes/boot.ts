// Endpoints the Studio calls while booting that have nothing to serve
// offline. Each answer is the one that switches the feature off quietly
// (see /work/notes/studio-shapes.md §3): no upsells, no telemetry, no
// comments add-on dataset, no cross-dataset references.
import type { LakeRuntime } from '../../runtime.ts';
import { requireDataset } from '../datasets.ts';
import type { Route } from '../router.ts';

type Handler = Route<LakeRuntime>['handle'];

const constant =
  (value: unknown): Handler =>
  () =>
    Promise.resolve({ json: value });

/** Beacons and telemetry batches: read (within the body limit) and dropped. */
const accepted: Handler = async (context) => {
  await context.body();
  return { json: {} };
};

export const bootRoutes: Route<LakeRuntime>[] = [
  // Feature flags: none (comments, tasks, releases, scheduled publishing off).
  { method: 'GET', path: '/:version/features', handle: constant([]) },
  // Onboarding and upsell content: null means "nothing to show".
  { method: 'GET', path: '/:version/journey/:name', handle: constant(null) },
  { method: 'GET', path: '/:version/help', handle: constant({}) },
  // Telemetry consent: denied, so the Studio sends nothing but its unload beacon.
  { method: 'GET', path: '/:version/intake/telemetry-status', handle: constant({ status: 'denied' }) },
  { method: 'POST', path: '/:version/intake/:name', handle: accepted },
  // Schema descriptors are only uploaded with a deployStudio grant (never given); if asked, all is in sync.
  { method: 'POST', path: '/:version/descriptors/:step', handle: constant({ synchronization: { type: 'complete' } }) },
  {
    method: 'GET',
    path: '/:version/check/cors',
    handle: constant({ result: { allowed: true, withCredentials: true } }),
  },
  {
    method: 'GET',
    path: '/:version/data/references/:dataset/documents/:id/to',
    handle: (context, runtime) => {
      requireDataset(runtime, context.params.dataset as string);
      // Cross-dataset references: a lake has one project and no such references.
      return Promise.resolve({ json: { totalCount: 0, references: [] } });
    },
  },
];
