import type { SiteSettingsResult } from '../../../schemas/queries/site-settings.ts';

/** The newsroom's @handle for twitter:site, read from its Twitter (or X) social link. */
export function twitterHandle(settings: Pick<SiteSettingsResult, 'social'>): string | undefined {
  for (const link of settings.social ?? []) {
    const url = new URL(link.url);
    if (!/^(www\.)?(twitter|x)\.com$/.test(url.hostname)) continue;
    const name = url.pathname.split('/').find(Boolean);
    if (name && /^\w{1,15}$/.test(name)) return `@${name}`;
  }
  return undefined;
}
