// When the Studio is rebuilt: its fingerprint follows what Vite inlines
// (SANITY_STUDIO_* variables) and nothing else in the environment, and a
// directory without a matching stamp is never taken for a fresh build.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStudioBuildFresh, studioFingerprint } from '../../scripts/support/studio-build.ts';

describe('the Studio build fingerprint', () => {
  const base = studioFingerprint({ PATH: '/usr/bin' });

  it('is the same for the same sources and environment', () => {
    expect(studioFingerprint({ PATH: '/usr/bin' })).toBe(base);
  });

  it('changes with a variable the build inlines, and only with those', () => {
    expect(studioFingerprint({ PATH: '/usr/bin', SANITY_STUDIO_API_HOST: 'https://localhost:5443' })).not.toBe(base);
    expect(studioFingerprint({ PATH: '/opt/bin', HOME: '/root' })).toBe(base);
  });

  it('finds a build fresh only when its stamp carries that fingerprint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'studio-stamp-'));
    expect(await isStudioBuildFresh(dir, base)).toBe(false);
    writeFileSync(join(dir, '.newsroom-build.json'), JSON.stringify({ fingerprint: 'something else' }));
    expect(await isStudioBuildFresh(dir, base)).toBe(false);
    writeFileSync(join(dir, '.newsroom-build.json'), JSON.stringify({ fingerprint: base }));
    expect(await isStudioBuildFresh(dir, base)).toBe(true);
  });
});
