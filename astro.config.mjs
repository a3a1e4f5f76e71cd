// @ts-check
import { defineConfig } from 'astro/config';
import { pageKeys } from './site/lib/build/page-keys-integration.ts';
import { storyPaths } from './site/lib/build/story-paths.ts';
import { imageVariants } from './site/lib/images/integration.ts';
import { searchIndex } from './site/lib/search/integration.ts';
import { siteUrl } from './site/lib/site-url.ts';

export default defineConfig({
  srcDir: './site',
  output: 'static',
  site: siteUrl(),
  trailingSlash: 'never',
  build: {
    // story/x.html instead of story/x/index.html: half the build time on slow
    // disks (no directory per page). The edge serves /story/x from story/x.html.
    format: 'file',
    inlineStylesheets: 'always',
    // Writing pages is disk-bound here; rendering the next pages while the
    // last ones are written keeps the CPU busy.
    concurrency: 4,
  },
  // Photos are encoded by our own integration (site/lib/images/): their URLs
  // must be known while bodies are rendered in the loader, before any page.
  // The search index is built from the loaded stories while pages render.
  integrations: [imageVariants(), pageKeys(), storyPaths(), searchIndex()],
  devToolbar: { enabled: false },
});
