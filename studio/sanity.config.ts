// The Studio journalists use. It talks to whatever Sanity-API host the build
// was configured for: the embedded lake by default, hosted Sanity otherwise.
import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { schemaTypes } from '../schemas/index.ts';

const projectId = process.env.SANITY_STUDIO_PROJECT_ID ?? 'local';
const dataset = process.env.SANITY_STUDIO_DATASET ?? 'production';
const apiHost = process.env.SANITY_STUDIO_API_HOST ?? 'https://localhost:4443';

export default defineConfig({
  name: 'newsroom',
  title: 'Newsroom',
  projectId,
  dataset,
  apiHost,
  auth: { loginMethod: 'token' },
  search: { strategy: 'groqLegacy' },
  releases: { enabled: false },
  scheduledPublishing: { enabled: false },
  // Both default to on in 6.9 and would add tools that need Sanity's hosted services.
  scheduledDrafts: { enabled: false },
  tasks: { enabled: false },
  // The legacy history timeline needs only the transaction log and documents at a
  // revision, which the lake keeps; the events API is a hosted-only service.
  beta: { eventsAPI: { documents: false } },
  plugins: [structureTool()],
  schema: { types: schemaTypes },
});
