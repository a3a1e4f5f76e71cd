// The site's own settings, beside where its content comes from (SANITY_*,
// sanity/config.ts), checked when a build or the publisher starts. A typo
// used to surface as a zod dump from Astro's config (SITE_URL), a RangeError
// (NEWSROOM_TIME_ZONE), or not at all: NEWSROOM_IMAGES=cnd built with images
// in the build, NEWSROOM_STRICT=1 built without strict mode. So did
// NEWSROOM_IMAGES=cdn against a lake on this machine, linking every photo to it.
import { z } from 'zod';
import { newsroomError } from './errors.ts';
import { isLoopbackHost } from './sanity/config.ts';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const siteEnv = z.object({
  SITE_URL: z.url({ protocol: /^https?$/, error: 'not an http(s) URL' }).optional(),
  NEWSROOM_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'not a time zone (an IANA name such as America/New_York)')
    .optional(),
  NEWSROOM_IMAGES: z.enum(['build', 'cdn'], { error: 'neither build (the default) nor cdn' }).optional(),
  NEWSROOM_STRICT: z.enum(['true', 'false'], { error: 'neither true nor false' }).optional(),
});

/** Throws SiteSettingInvalid naming the first variable that is set to something the site cannot use. */
export function checkSiteEnv(source: Record<string, string | undefined> = process.env): void {
  // Blank is unset, as an env file's line with no value (a container's, say) leaves it.
  const given = Object.fromEntries(
    Object.keys(siteEnv.shape).flatMap((key) => (source[key] ? [[key, source[key]]] : [])),
  );
  const parsed = siteEnv.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0]);
    throw newsroomError('SiteSettingInvalid', variable, `${issue?.message}: "${given[variable]}"`);
  }
  // Pages would point at a lake on this machine: the embedded one a build starts
  // (and stops when it ends), or the one npm start runs. Readers cannot reach either.
  const host = source.SANITY_API_HOST;
  if (given.NEWSROOM_IMAGES === 'cdn' && (!host || isLoopbackHost(host))) {
    throw newsroomError(
      'SiteSettingInvalid',
      'NEWSROOM_IMAGES',
      'cdn serves images from hosted Sanity (SANITY_API_HOST), and this build reads the embedded lake',
    );
  }
}
