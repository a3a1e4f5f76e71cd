import type { z } from 'zod';
import { SITE_SETTINGS_ID, siteSettingsDocument } from '../site-settings.ts';

/** The published singleton. Its id is fixed so the Studio can open it directly. */
export const siteSettingsQuery = `*[_id == $id][0]`;
export const siteSettingsParams = { id: SITE_SETTINGS_ID };
export const siteSettingsResult = siteSettingsDocument;
export type SiteSettingsResult = z.infer<typeof siteSettingsResult>;
