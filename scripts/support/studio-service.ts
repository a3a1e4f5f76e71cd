// The Studio as an `npm start` service: built when missing or out of date,
// served on http://localhost:<port> (a secure context, so image uploads can
// hash files in the browser), pointed at the lake started before it.
import { loginLink } from '../../lake/auth/login-link.ts';
import type { Service } from './services.ts';
import { ensureStudioBuild } from './studio-build.ts';
import { startStudioServer } from './studio-server.ts';

export type StudioServiceOptions = {
  /** Default 3333; 0 picks a free port. */
  port: number;
  /** Where the built Studio lives. Default: studio/dist. */
  outDir?: string;
};

export function studioService(options: StudioServiceOptions): Service {
  return {
    name: 'studio',
    async start(env) {
      const build = await ensureStudioBuild({ outDir: options.outDir });
      const server = await startStudioServer({
        root: build.outDir,
        // The lake's browser-facing address (a localhost name its certificate covers).
        apiHost: env.SANITY_STUDIO_API_HOST,
        port: options.port,
      });
      const token = env.NEWSROOM_EDITOR_TOKEN;
      return {
        summary: [
          `Studio: ${server.url}/`,
          ...(token
            ? [`  Log in as the first editor: ${loginLink(server.url, token)}`]
            : ['  Log in with a link from `node scripts/editor.ts login <email>` (or `create` a new editor).']),
        ],
        env: { SANITY_STUDIO_URL: server.url },
        stop: () => server.close(),
      };
    },
  };
}
