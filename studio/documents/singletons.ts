// Types with exactly one document, at a fixed id. The desk opens them
// directly; these are the actions that make sense on them (no create,
// duplicate, delete or unpublish: the site needs its settings published).
import { SITE_SETTINGS_ID } from '../../schemas/site-settings.ts';

/** Singleton type → its fixed document id. */
export const SINGLETONS = { siteSettings: SITE_SETTINGS_ID } as const;

export const SINGLETON_TYPES: ReadonlySet<string> = new Set(Object.keys(SINGLETONS));

export const SINGLETON_ACTIONS: ReadonlySet<string> = new Set(['publish', 'discardChanges', 'restore']);
