// The site's own settings as an operator mistypes them: the build stops before
// it starts a lake or renders a page, naming the variable and what it takes.
// Before, SITE_URL was a zod dump from Astro's config, NEWSROOM_TIME_ZONE a
// RangeError, and NEWSROOM_IMAGES=cnd or NEWSROOM_STRICT=1 built as if unset;
// an --out it could not write failed only once every page was rendered.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild, tempDir } from '../helpers/site-build.ts';

describe.each([
  [{ SITE_URL: 'news.example.com' }, 'SITE_URL is invalid: not an http(s) URL: "news.example.com".'],
  [
    { NEWSROOM_TIME_ZONE: 'Europe/Pari' },
    'NEWSROOM_TIME_ZONE is invalid: not a time zone (an IANA name such as America/New_York): "Europe/Pari".',
  ],
  [{ NEWSROOM_IMAGES: 'cnd' }, 'NEWSROOM_IMAGES is invalid: neither build (the default) nor cdn: "cnd".'],
  [{ NEWSROOM_STRICT: '1' }, 'NEWSROOM_STRICT is invalid: neither true nor false: "1".'],
  [
    { NEWSROOM_IMAGES: 'cdn' },
    'NEWSROOM_IMAGES is invalid: cdn serves images from hosted Sanity (SANITY_API_HOST), and this build reads the embedded lake.',
  ],
  // As npm start's publisher builds: the running embedded lake, on loopback.
  [
    { NEWSROOM_IMAGES: 'cdn', SANITY_API_HOST: 'http://127.0.0.1:4999' },
    'NEWSROOM_IMAGES is invalid: cdn serves images from hosted Sanity (SANITY_API_HOST), and this build reads the embedded lake.',
  ],
])('a build with %j', (env, says) => {
  it('names the variable and what to do, starts no lake and writes no site', async () => {
    const lakeDir = join(tempDir('newsroom-settings-'), 'lake');
    const outDir = join(tempDir('newsroom-settings-'), 'site');
    const run = await runBuild({ lakeDir, outDir, env });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`Build failed: SiteSettingInvalid: ${says}\nWhat to do: Fix or unset the variable`);
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(existsSync(lakeDir)).toBe(false);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('a build with an --out it cannot write', () => {
  it('says so before it starts a lake or renders a page, not after the whole build', async () => {
    // Under a regular file, so no one can make it, whoever runs the test (root ignores modes).
    const file = join(tempDir('newsroom-out-'), 'a-file');
    writeFileSync(file, '');
    const lakeDir = join(tempDir('newsroom-settings-'), 'lake');
    const run = await runBuild({ lakeDir, outDir: join(file, 'site') });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`Build failed: BuildOutputNotWritable: The site cannot be written to ${file}/site: `);
    expect(run.output).toContain('What to do: Give --out a folder this user can write');
    expect(run.output).not.toContain('[build]');
    expect(existsSync(lakeDir)).toBe(false);
  });
});
