// The presence socket as @sanity/bifur-client speaks to it (studio-shapes.md
// §12): JSON-RPC over a WebSocket, the token sent in-band, every request
// answered, and presence relayed between editors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;

beforeAll(async () => {
  t = await startTestLake();
});
afterAll(() => t.close());

type Message = {
  id?: string;
  result?: unknown;
  error?: { code: number };
  method?: string;
  params?: { subscription: string; result: { type: string } };
};

/** A presence client: sends requests, collects every message, waits for what a test expects. */
async function connect(path = '/v2022-06-30/socket/production?tag=sanity.studio') {
  const ws = new WebSocket(`${t.lake.url.replace(/^http/, 'ws')}${path}`);
  const messages: Message[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as Message);
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let next = 0;
  const waitFor = async (match: (m: Message) => boolean): Promise<Message> => {
    for (;;) {
      const found = messages.find(match);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return {
    ws,
    messages,
    waitFor,
    async call(method: string, params: Record<string, unknown> = {}) {
      const id = `r${next++}`;
      ws.send(JSON.stringify({ jsonrpc: '2.0', method, params: { ...params, apiVersion: 'v1' }, id }));
      return waitFor((m) => m.id === id);
    },
  };
}

const events = (client: { messages: Message[] }) =>
  client.messages.filter((m) => m.method === 'presence_subscription').map((m) => m.params?.result);

describe('the presence socket', () => {
  it('answers authorization, and presence_subscribe with a subscription id', async () => {
    const client = await connect();
    expect(await client.call('authorization', { authorization: `Bearer ${t.tokens.editor}` })).toMatchObject({
      result: null,
    });
    const subscribed = await client.call('presence_subscribe');
    expect(subscribed.result).toEqual(expect.any(String));
    expect(await client.call('presence_unsubscribe', { subscriptionId: subscribed.result })).toMatchObject({
      result: true,
    });
    client.ws.close();
  });

  it("relays one editor's roll call, state and disconnect to the others, named by user id", async () => {
    const alice = await connect();
    const bob = await connect();
    await alice.call('authorization', { authorization: `Bearer ${t.tokens.editor}` });
    await bob.call('authorization', { authorization: `Bearer ${t.tokens.administrator}` });
    const subscription = (await bob.call('presence_subscribe')).result;
    await alice.call('presence_subscribe');
    await alice.call('presence_rollcall', { session: 'alice-session' });
    const locations = [
      { type: 'document', documentId: 'story-1', path: ['headline'], lastActiveAt: new Date().toISOString() },
    ];
    await alice.call('presence_announce', { data: { locations, sessionId: 'alice-session' } });
    await bob.waitFor((m) => m.params?.result?.type === 'state');
    expect(bob.messages.find((m) => m.params?.result?.type === 'state')?.params?.subscription).toBe(subscription);
    alice.ws.close();
    await bob.waitFor((m) => m.params?.result?.type === 'disconnect');
    expect(events(bob)).toEqual([
      { type: 'rollCall', i: 'robot-test-editor', session: 'alice-session' },
      { type: 'state', i: 'robot-test-editor', m: { sessionId: 'alice-session', locations } },
      { type: 'disconnect', i: 'robot-test-editor', m: { session: 'alice-session' } },
    ]);
    // Nobody hears their own presence echoed back.
    expect(events(alice)).toEqual([]);
    bob.ws.close();
  });

  it('refuses presence before authorization, and closes with 4001 on a bad token', async () => {
    const client = await connect();
    expect((await client.call('presence_subscribe')).error).toMatchObject({ code: 4001 });
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code) => resolve(code)));
    expect((await client.call('authorization', { authorization: 'Bearer nope-nope-nope' })).error).toMatchObject({
      code: 4001,
    });
    expect(await closed).toBe(4001);
  });

  it('answers junk with JSON-RPC errors and stays up', async () => {
    const client = await connect();
    client.ws.send('not json');
    client.ws.send(JSON.stringify({ method: 'x' }));
    client.ws.send('\u2665');
    client.ws.send(Buffer.from([0, 1, 2]), { binary: true });
    await client.waitFor((m) => m.error?.code === -32600);
    expect(client.messages.map((m) => m.error?.code)).toEqual(expect.arrayContaining([-32700, -32600]));
    expect((await client.call('teleport')).error).toMatchObject({ code: -32601 });
    await client.call('authorization', { authorization: `Bearer ${t.tokens.editor}` });
    expect((await client.call('presence_announce', { data: 'x' })).error).toMatchObject({ code: -32602 });
    // A frame over the size limit closes that socket only.
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code) => resolve(code)));
    client.ws.send('x'.repeat(300 * 1024));
    expect(await closed).toBe(1009);
    const ping = await t.fetch('/v2025-02-19/ping');
    expect(ping.status).toBe(200);
  });

  it('refuses sockets on other paths and unknown datasets', async () => {
    for (const path of ['/v2022-06-30/socket/nope', '/v2022-06-30/elsewhere']) {
      await expect(connect(path)).rejects.toThrow(/404/);
    }
  });
});
