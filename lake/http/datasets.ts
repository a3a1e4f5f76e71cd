import { errors } from '../errors/catalog.ts';
import type { LakeRuntime } from '../runtime.ts';
import type { DatasetState } from '../store/dataset-state.ts';

/** Sanity's rule: lowercase letters, digits, `_` and `-`, at most 64 characters. */
const DATASET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function assertDatasetName(name: string): void {
  if (!DATASET_NAME.test(name)) throw errors.invalidDatasetName(name);
}

/** The dataset a data route names, or Sanity's 404 for an unknown one. */
export function requireDataset(runtime: LakeRuntime, name: string): DatasetState {
  assertDatasetName(name);
  const state = runtime.store.dataset(name);
  if (!state) throw errors.datasetNotFound(name, runtime.projectId);
  return state;
}
