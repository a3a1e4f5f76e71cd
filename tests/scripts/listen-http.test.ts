import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listenHttp } from '../../scripts/support/listen-http.ts';

describe('listenHttp', () => {
  it('serves on a free port and names the service and variable when the port is taken', async () => {
    const first = await listenHttp(
      createServer((_req, res) => res.end('ok')),
      { service: 'the edge' },
    );
    expect(await (await fetch(first.url)).text()).toBe('ok');
    const second = listenHttp(createServer(), { port: first.port, service: 'the edge', portVariable: 'SITE_PORT' });
    await expect(second).rejects.toMatchObject({
      name: 'PortInUse',
      message: `Port ${first.port} is in use, so the edge cannot listen there.`,
      hint: expect.stringContaining('set SITE_PORT to a free port'),
    });
    await first.close();
  });
});
