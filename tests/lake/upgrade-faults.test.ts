// WebSocket upgrades (the Studio's presence socket) are handled in the
// server's 'upgrade' event, where a throw is uncaught: `GET //[` with
// `Upgrade: websocket` made `new URL` throw there and ended the lake's
// process, for everyone. Checked on a real lake process.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LakeProcess, startLakeProcess } from '../helpers/lake-process.ts';

let lake: LakeProcess;

beforeAll(async () => {
  lake = await startLakeProcess();
});

afterAll(() => lake.stop());

/** Sends one raw upgrade request and returns what came back before the socket closed. */
function upgrade(target: string): Promise<string> {
  const { port } = new URL(lake.url);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `GET ${target} HTTP/1.1\r\nhost: lake\r\nconnection: Upgrade\r\nupgrade: websocket\r\n` +
          'sec-websocket-version: 13\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('a WebSocket upgrade to a target that is no URL', () => {
  it.each(['//[', '/v2022-06-30/socket/%', '*'])('%s is refused and the lake goes on', async (target) => {
    expect(await upgrade(target)).toMatch(/^HTTP\/1\.1 404 /);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lake.alive()).toBe(true);
    expect(await (await fetch(`${lake.url}/v2025-02-19/ping`)).text()).toBe('PONG');
  });
});
