// The hosted workflow has no release store: each run builds on a fresh runner
// and keeps only a cached file of the addresses stories have had. Run after
// run, `hosting-headers --history` must give the host the redirects a release
// store would, and refuse a damaged file without touching it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORY_PATHS_FILE } from '../../../site/lib/build/story-paths.ts';
import { hostingHeaders } from '../helpers/hosting-headers.ts';
import { build } from '../helpers/story-build.ts';

describe('a hosted workflow keeping story addresses in a file', () => {
  const history = join(mkdtempSync(join(tmpdir(), 'workflow-cache-')), 'cache', 'story-history.json');
  /** One workflow run: a build of these stories (id → slug), then hosting-headers. */
  const workflowRun = async (stories: Record<string, string>) => {
    const dist = build(stories);
    const result = await hostingHeaders([dist, '--target', 'cloudflare', '--history', history]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return readFileSync(join(dist, '_redirects'), 'utf8');
  };

  it('starts the history on the first run, with nothing to redirect', async () => {
    expect(await workflowRun({ one: 'a', two: 'x' })).toBe('');
    expect(JSON.parse(readFileSync(history, 'utf8'))).toEqual({ '/story/a': 'one', '/story/x': 'two' });
  });

  it('redirects a story’s former address once its slug changes', async () => {
    expect(await workflowRun({ one: 'b', two: 'x' })).toBe('/story/a /story/b 301\n');
  });

  it('sends every former address straight to the story, and leaves a slug another story took to it', async () => {
    expect(await workflowRun({ one: 'c', two: 'a' })).toBe('/story/b /story/c 301\n/story/x /story/a 301\n');
  });

  it('has no redirects for a story taken down, and keeps the others’', async () => {
    expect(await workflowRun({ two: 'a' })).toBe('/story/x /story/a 301\n');
  });

  it('refuses a damaged history, naming it, and leaves it as it was', async () => {
    writeFileSync(history, '{"/story/a": "two", ');
    const result = await hostingHeaders([build({ two: 'a' }), '--history', history]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${history} is not the history of story addresses`);
    expect(readFileSync(history, 'utf8')).toBe('{"/story/a": "two", ');
  });

  it('refuses a build whose record of story addresses was removed', async () => {
    const dist = build({ two: 'a' });
    rmSync(join(dist, STORY_PATHS_FILE));
    const result = await hostingHeaders([dist, '--history', history]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no record of where its stories are');
  });
});

describe('the build reading the history file', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllEnvs());

  it('starts with no former addresses when the workflow has none yet', async () => {
    vi.stubEnv('NEWSROOM_STORY_HISTORY', join(tmpdir(), 'no-such-dir', 'story-history.json'));
    const { formerStorySlugs } = await import('../../../site/lib/build/former-story-slugs.ts');
    expect(formerStorySlugs().size).toBe(0);
  });

  it('knows a former slug from the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'history-')), 'story-history.json');
    writeFileSync(file, JSON.stringify({ '/story/a': 'one', '/story/b': 'one' }));
    vi.stubEnv('NEWSROOM_STORY_HISTORY', file);
    const { formerStorySlugs } = await import('../../../site/lib/build/former-story-slugs.ts');
    expect([...formerStorySlugs()]).toEqual([
      ['a', 'one'],
      ['b', 'one'],
    ]);
  });
});
