import { getEntry } from 'astro:content';
import type { SiteSettingsResult } from '../../../schemas/queries/site-settings.ts';
import { SITE_SETTINGS_ID } from '../../../schemas/site-settings.ts';
import { newsroomError } from '../errors.ts';

/** The chrome every page needs; a site without it cannot be built sensibly. */
export async function siteSettings(): Promise<SiteSettingsResult> {
  const entry = await getEntry('settings', SITE_SETTINGS_ID);
  if (!entry) throw newsroomError('SiteSettingsMissing');
  return entry.data as SiteSettingsResult;
}
