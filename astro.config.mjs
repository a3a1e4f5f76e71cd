// @ts-check
import { defineConfig } from 'astro/config';

// The lake the build reads from also serves the original images; Astro fetches
// them once, encodes the variants and caches both between builds.
const apiHost = process.env.SANITY_API_HOST ? new URL(process.env.SANITY_API_HOST) : undefined;
const imageHosts = [
  { protocol: 'https', hostname: 'cdn.sanity.io' },
  ...(apiHost ? [{ protocol: apiHost.protocol.replace(':', ''), hostname: apiHost.hostname }] : []),
];

export default defineConfig({
  srcDir: './site',
  output: 'static',
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'never',
  build: {
    // story/x.html instead of story/x/index.html: half the build time on slow
    // disks (no directory per page). The edge serves /story/x from story/x.html.
    format: 'file',
    inlineStylesheets: 'always',
  },
  image: { remotePatterns: imageHosts },
  devToolbar: { enabled: false },
});
