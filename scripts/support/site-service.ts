// The site as an `npm start` service: built from the running lake (the same
// `node scripts/build.ts` a user runs), deployed as a release, and served by
// the local CDN edge. A build that fails does not stop the newsroom: editors
// still get the Studio to fix the content, and the edge keeps serving the
// last good release (or says that none is live yet).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReleaseStore } from '../deploy/default-store.ts';
import { deployBuild } from '../deploy/deploy-build.ts';
import { startEdge } from '../edge/edge-server.ts';
import { runNodeScript } from './run-node.ts';
import type { Service } from './services.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_ENTRY = join(ROOT, 'scripts/build.ts');

export type SiteServiceOptions = {
  /** Default 4321; 0 picks a free port. */
  port: number;
  /** Where the build is written before it is deployed. Default: dist/. */
  outDir?: string;
  log?: (line: string) => void;
};

export function siteService(options: SiteServiceOptions): Service {
  const log = options.log ?? ((line: string) => console.log(line));
  return {
    name: 'site',
    async start(env) {
      const store = defaultReleaseStore();
      const outDir = options.outDir ?? join(ROOT, 'dist');
      let note = '';
      try {
        // Only where to read content from: the services' other variables (a login token) stay out of the build.
        const contentEnv = Object.fromEntries(Object.entries(env).filter(([key]) => /^(SANITY_|LAKE_)/.test(key)));
        await runNodeScript(BUILD_ENTRY, ['--out', outDir], contentEnv);
        const { manifest } = await deployBuild({ store, buildDir: outDir });
        note = ` (release ${manifest.id})`;
      } catch (error) {
        const e = error as Error & { hint?: string };
        log(`The site build or deploy failed: ${e.message}${e.hint ? `\nWhat to do: ${e.hint}` : ''}`);
        note = store.liveId()
          ? ' (the last good release: this start’s build failed, see above)'
          : ' (nothing built yet)';
      }
      const edge = await startEdge({ store, port: options.port });
      const url = edge.url.replace('127.0.0.1', 'localhost');
      return {
        summary: [`Site: ${url}/${note}`],
        env: { SITE_EDGE_URL: url },
        stop: async () => {
          await edge.close();
          store.close();
        },
      };
    },
  };
}
