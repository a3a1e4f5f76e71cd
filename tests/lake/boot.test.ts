// Every request a freshly booted Studio 6.9.2 makes (studio-shapes.md §3.3,
// §14, §17.10), with the exact paths, versions and query strings of the
// recorded trace, answered in the shapes that keep the Studio quiet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;

beforeAll(async () => {
  t = await startTestLake();
  await t.editor.createOrReplace({ _id: 'story-1', _type: 'story', headline: 'One' });
});
afterAll(() => t.close());

const STUDIO_HEADERS = { 'x-sanity-app': 'studio@6.9.2' };

async function call(path: string, init: { token?: string | null; method?: string; body?: string; type?: string } = {}) {
  const token = init.token === undefined ? t.tokens.editor : init.token;
  const response = await t.fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      ...STUDIO_HEADERS,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'content-type': init.type ?? 'application/json' } : {}),
      origin: 'https://localhost:3333',
    },
    body: init.body,
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    cors: response.headers.get('access-control-allow-origin'),
    body: text && response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text,
  };
}

const RELEASES_QUERY = `*[_type=="system.release" && _id in path("_.releases.*")] {
  _id, _type, _rev, _createdAt, _updatedAt, state, finalDocumentStates, publishAt, publishedAt,
  "metadata": coalesce(metadata, {
    "title": "",
    "releaseType": "undecided",
  }),
  // Content Lake initially encoded non-error states as {error: {message: ""}}.
  ...select(
    length(error.message) > 0 => { error },
    {}
  ),
} | order(_createdAt desc)`;

describe('the boot requests', () => {
  it.each([
    ['/v2025-02-19/projects/local/grants', {}],
    ['/v2024-09-19/journey/announcements', null],
    ['/v2025-02-19/journey/document-limit', null],
    ['/v2025-02-19/journey/scheduled-drafts', null],
    ['/v2023-12-11/journey/trial?studioVersion=6.9.2', null],
    ['/v2025-02-19/projects/local/user-applications', []],
    ['/v2024-09-01/projects/local/user-applications', []],
    ['/v2025-02-19/features', []],
    ['/v1/help?m=sanity@6.9.2&locale=en-US', {}],
    ['/v2025-02-19/projects/local/datasets?datasetProfile=comments&addonFor=production', []],
    ['/v2023-12-18/intake/telemetry-status', { status: 'denied' }],
    [
      '/v2025-02-19/data/references/production/documents/story-1/to?excludeInternalReferences=true&excludePaths=true',
      { totalCount: 0, references: [] },
    ],
  ])('GET %s answers %j as JSON, with CORS', async (path, expected) => {
    const response = await call(path);
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^application\/json/);
    expect(response.cors).toBe('https://localhost:3333');
    expect(response.body).toEqual(expected);
  });

  it('the project: organizationId null (no agent-bundles listener), members with the current user flagged', async () => {
    const org = await call(
      '/v2021-12-15/projects/local?includeMembers=false&includeFeatures=false&includeOrganization=true',
    );
    expect(org.body).toMatchObject({ id: 'local', organizationId: null, isBlocked: false, isDisabled: false });
    expect(org.body).not.toHaveProperty('members');
    const full = (await call('/v2021-12-15/projects/local')).body as { members: Record<string, unknown>[] };
    expect(full.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'robot-test-editor', isRobot: true, isCurrentUser: true }),
        expect.objectContaining({ role: 'administrator', isRobot: false, isCurrentUser: false }),
      ]),
    );
  });

  it('the dataset ACL lets editors create and update everything, viewers only read, anonymous only published', async () => {
    const path = '/v2021-06-07/projects/local/datasets/production/acl';
    expect((await call(path)).body).toEqual([
      { filter: '_id in path("**")', permissions: ['read', 'create', 'update', 'history', 'editHistory'] },
    ]);
    expect((await call(path, { token: t.tokens.viewer })).body).toEqual([
      { filter: '_id in path("**")', permissions: ['read', 'history'] },
    ]);
    const anonymous = (await call(path, { token: null })).body as { filter: string; permissions: string[] }[];
    expect(anonymous[0]?.permissions).toEqual(['read']);
    // The Studio evaluates the filter with groq-js: check it the same way.
    const published = await t.anonymous.fetch(`count(*[${anonymous[0]?.filter}])`);
    const all = await t.viewer.fetch('count(*)', {}, { perspective: 'raw' });
    await t.editor.createOrReplace({ _id: 'drafts.story-1', _type: 'story' });
    expect(await t.viewer.fetch(`count(*[${anonymous[0]?.filter}])`, {}, { perspective: 'raw' })).toBe(all);
    expect(published).toBe(all);
  });

  it('the releases query (with comments, trailing commas and select) answers an empty list', async () => {
    const result = await t.editor.fetch(RELEASES_QUERY, {}, { perspective: 'raw' });
    expect(result).toEqual([]);
  });

  it('the availability check (/data/doc?excludeContent=true) always carries `omitted`', async () => {
    const response = await call('/v2025-02-19/data/doc/production/drafts.nope,story-1?excludeContent=true');
    expect(response.body).toEqual({
      documents: [expect.objectContaining({ _id: 'story-1' })],
      omitted: [{ id: 'drafts.nope', reason: 'existence' }],
    });
  });

  it('the calls made without a token answer too: protocol ping, latency ping, unload beacon', async () => {
    expect((await call('/v2025-03-01/ping?tag=sanity.studio.protocol-check', { token: null })).status).toBe(200);
    expect((await call('/v2025-02-19/data/ping/production', { token: null })).status).toBe(200);
    const beacon = await call('/v2023-12-18/intake/batch', {
      token: null,
      method: 'POST',
      body: JSON.stringify({ projectId: 'local', batch: [] }),
      type: 'text/plain;charset=UTF-8',
    });
    expect(beacon.status).toBe(200);
  });

  it('login plumbing: providers lead to a page that explains login links; /auth/id names the user; logout is fine', async () => {
    const providers = (await call('/v2026-05-04/auth/providers', { token: null })).body as {
      providers: { url: string }[];
    };
    const page = await fetch(providers.providers[0]?.url ?? '');
    expect(await page.text()).toContain('node scripts/editor.ts create');
    expect((await call('/v2026-05-04/auth/id')).body).toEqual({ id: 'robot-test-editor' });
    expect((await call('/v2026-05-04/auth/id', { token: null })).status).toBe(401);
    expect((await call('/v2026-05-04/auth/logout', { method: 'POST' })).status).toBe(200);
  });

  it('schema descriptors, if ever claimed, are already in sync', async () => {
    const claim = await call('/v2025-02-19/descriptors/claim', {
      method: 'POST',
      body: JSON.stringify({ descriptorId: 'd', contextKey: 'dataset:local:production' }),
    });
    expect(claim.body).toEqual({ synchronization: { type: 'complete' } });
  });
});

describe('what is not served', () => {
  it('another project is a 404 the Studio reads as "project not found"', async () => {
    const response = await call('/v2021-12-15/projects/elsewhere');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, attributes: { type: 'project', id: 'elsewhere' } });
  });

  it('the ACL of a missing dataset is "Dataset not found"', async () => {
    const response = await call('/v2021-06-07/projects/local/datasets/nope/acl');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: 'Dataset not found' });
  });

  it('an unknown route is a 404 naming it, not a crash', async () => {
    const response = await call('/v2025-02-19/projects/local/roles');
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).toContain('/v2025-02-19/projects/local/roles');
  });
});
