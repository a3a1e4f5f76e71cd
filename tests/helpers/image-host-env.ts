// Variant names and crops go through Sanity's image URL builder, which wants a
// host, a project and a dataset even though nothing is fetched from them.
import { vi } from 'vitest';

export function stubImageHost(): void {
  vi.unstubAllEnvs();
  vi.stubEnv('SANITY_API_HOST', 'http://127.0.0.1:9');
  vi.stubEnv('SANITY_PROJECT_ID', 'local');
  vi.stubEnv('SANITY_DATASET', 'production');
}
