// The Studio journalists use. It talks to whatever Sanity-API host the build
// (or the server serving it) points it at: the embedded lake by default,
// hosted Sanity otherwise. Every option below is one the lake can serve with
// no network; see studio/README.md for why each is set.
import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { schemaTypes } from '../schemas/index.ts';
import { studioApiHost } from './api-host.ts';
import { withInputComponents } from './components/input-components.ts';
import { documentActions, documentBadges, newDocumentOptions, templates } from './documents/document-options.ts';
import { defaultDocumentNode, structure } from './structure/index.ts';

export default defineConfig({
  name: 'newsroom',
  title: 'Newsroom',
  projectId: process.env.SANITY_STUDIO_PROJECT_ID ?? 'local',
  dataset: process.env.SANITY_STUDIO_DATASET ?? 'production',
  apiHost: studioApiHost(),
  // Local editor accounts sign in with a token link (`#token=…`); there is no sanity.io login.
  auth: { loginMethod: 'token' },
  // The default `groq2024` search uses text::query, which groq-js does not implement.
  search: { strategy: 'groqLegacy' },
  // Releases, scheduling, tasks and Canvas are hosted services; scheduling is the
  // publisher's job here (a future publishedAt embargoes a story).
  releases: { enabled: false },
  scheduledPublishing: { enabled: false },
  scheduledDrafts: { enabled: false },
  tasks: { enabled: false },
  apps: { canvas: { enabled: false } },
  announcements: { enabled: false },
  // The legacy history timeline needs only the transaction log and documents at a
  // revision, which the lake keeps; the events API is a hosted-only service.
  beta: { eventsAPI: { documents: false } },
  plugins: [structureTool({ structure, defaultDocumentNode })],
  schema: { types: withInputComponents(schemaTypes), templates },
  document: {
    actions: documentActions,
    badges: documentBadges,
    newDocumentOptions,
    // Comments live in a hosted add-on dataset the lake does not have: left on,
    // every field showed an "Add comment" button that did nothing.
    comments: { enabled: false },
  },
});
