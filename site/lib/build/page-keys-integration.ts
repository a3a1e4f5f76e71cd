// Writes the page keys recorded during the build to NEWSROOM_PAGE_KEYS_OUT,
// for the deploy (which pages are gone) and the next incremental build.
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { recordedPageKeys, resetPagePlan } from './page-plan.ts';

export function pageKeys(): AstroIntegration {
  return {
    name: 'newsroom-page-keys',
    hooks: {
      'astro:config:setup': () => resetPagePlan(),
      'astro:build:done': ({ logger }) => {
        const out = process.env.NEWSROOM_PAGE_KEYS_OUT;
        if (!out) return;
        const keys = Object.fromEntries([...recordedPageKeys()].sort(([a], [b]) => a.localeCompare(b)));
        writeFileSync(out, JSON.stringify(keys));
        logger.info(`${Object.keys(keys).length} page keys written to ${out}`);
      },
    },
  };
}
