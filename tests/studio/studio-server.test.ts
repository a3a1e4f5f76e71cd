// The server in front of a built Studio: every Studio route gets index.html
// (the router runs in the browser), carrying the lake's address when the
// server was given one; hashed static files are cached for good.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StudioServer, startStudioServer } from '../../scripts/support/studio-server.ts';

describe('the Studio server', () => {
  let server: StudioServer;
  const root = mkdtempSync(join(tmpdir(), 'studio-dist-'));

  beforeAll(async () => {
    mkdirSync(join(root, 'static'));
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><html><head><title>Studio</title></head><body></body></html>',
    );
    writeFileSync(join(root, 'static', 'sanity-abc123.js'), 'export {}');
    server = await startStudioServer({ root, apiHost: 'https://localhost:54321' });
  });
  afterAll(() => server?.close());

  it.each(['/', '/structure/stories;all;story-1', '/intent/create/type=story/'])(
    'answers %s with the Studio page, pointed at the lake it was started for',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain(
        '<head><meta name="newsroom:api-host" content="https://localhost:54321">',
      );
    },
  );

  it('serves hashed static files as immutable and refuses missing ones', async () => {
    const found = await fetch(`${server.url}/static/sanity-abc123.js`);
    expect(found.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(found.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${server.url}/static/gone.js`)).status).toBe(404);
  });

  it.each([
    // `new URL('//[', base)` threw: a 500, and a stack trace in the log.
    ['//[', 200],
    ['*', 400],
  ])('answers the request target %s with %i, not a 500', async (path, status) => {
    const url = new URL(server.url);
    const answer = await new Promise<number | undefined>((resolve, reject) => {
      request({ host: '127.0.0.1', port: url.port, path }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(answer).toBe(status);
  });

  it('reports a directory with no built Studio by name', async () => {
    await expect(startStudioServer({ root: join(tmpdir(), 'nothing-here') })).rejects.toMatchObject({
      name: 'StudioNotBuilt',
    });
  });

  it('listens on localhost, which browsers treat as a secure context', () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
  });
});
