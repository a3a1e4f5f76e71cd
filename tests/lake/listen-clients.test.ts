// The listener as the Studio really consumes it: over HTTP/2 (many streams on
// one connection, as Chromium multiplexes the Studio's 6-7 listeners), with
// the Studio's bundled @sanity/client 7.28, and with the EventSource polyfill
// its browser build streams through (45 s heartbeat timeout, `lastEventId`
// query parameter on reconnect).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:http2';
import { join } from 'node:path';
import { EventSourcePolyfill } from 'event-source-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient as createStudioClient } from '../../node_modules/sanity/node_modules/@sanity/client/dist/index.js';
import { API_VERSION, startTestLake, type TestLake, tempDir } from '../helpers/lake.ts';

const STUDIO_API_VERSION = '2025-02-19';

async function until(check: () => boolean, what: string, timeoutMs = 5000) {
  for (const deadline = Date.now() + timeoutMs; !check(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('over HTTP/2', () => {
  let t: TestLake;
  const certDir = tempDir('lake-cert-');
  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
        ...['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
        ...['-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')],
      ],
      { stdio: 'ignore' },
    );
    const tls = { key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) };
    t = await startTestLake({ tls });
  });
  afterAll(async () => {
    await t.close();
    rmSync(certDir, { recursive: true, force: true });
  });

  it('serves 40 concurrent listeners on one connection, each getting the welcome and the mutation', async () => {
    const session = connect(t.lake.url, { rejectUnauthorized: false });
    const streams = Array.from({ length: 40 }, (_, i) => {
      const stream = session.request({
        ':path': `/v${API_VERSION}/data/listen/production?query=${encodeURIComponent('*[_type == "wire"]')}&tag=n${i}`,
        authorization: `Bearer ${t.tokens.viewer}`,
      });
      const state = { text: '', status: 0, stream };
      stream.on('response', (headers) => {
        state.status = Number(headers[':status']);
      });
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        state.text += chunk;
      });
      return state;
    });
    await until(() => streams.every((s) => s.text.includes('event: welcome')), 'every welcome');
    expect(streams.every((s) => s.status === 200)).toBe(true);
    expect(t.lake.openListeners()).toBe(40);
    // The write shares the connection with the forty open streams.
    const write = session.request({
      ':method': 'POST',
      ':path': `/v${API_VERSION}/data/mutate/production`,
      authorization: `Bearer ${t.tokens.editor}`,
      'content-type': 'application/json',
    });
    write.end(JSON.stringify({ mutations: [{ create: { _id: 'wire-1', _type: 'wire' } }] }));
    await until(() => streams.every((s) => s.text.includes('"documentId":"wire-1"')), 'every mutation');
    // A closed pane cancels its stream; a closed tab drops the connection.
    for (const { stream } of streams.slice(0, 10)) stream.close();
    await until(() => t.lake.openListeners() === 30, 'cancelled streams to be released');
    session.destroy();
    await until(() => t.lake.openListeners() === 0, 'the connection’s streams to be released');
  });
});

describe('with the Studio’s clients', () => {
  let t: TestLake;
  beforeAll(async () => {
    t = await startTestLake({ listen: { heartbeatMs: 300 } });
  });
  afterAll(() => t.close());

  it('feeds @sanity/client 7.28’s pair listener: welcome, then mutations it can apply', async () => {
    const client = createStudioClient({
      projectId: t.lake.projectId,
      dataset: 'production',
      apiHost: t.lake.url,
      useProjectHostname: false,
      apiVersion: STUDIO_API_VERSION,
      useCdn: false,
      token: t.tokens.editor,
    });
    const events: Record<string, unknown>[] = [];
    // The options the Studio's document.pair.listen sends (studio-shapes.md §6.2).
    const subscription = client
      .listen('*[_id in $ids]', { ids: ['pair-1', 'drafts.pair-1'] }, {
        includeResult: false,
        includeAllVersions: true,
        events: ['welcome', 'mutation', 'reconnect', 'reset', 'welcomeback'],
        effectFormat: 'mendoza',
        enableResume: true,
        tag: 'document.pair.listen',
      } as never)
      .subscribe((event) => events.push(event as Record<string, unknown>));
    await until(() => events.length === 1, 'the welcome');
    expect(events[0]).toMatchObject({ type: 'welcome' });
    const draft = await t.editor.create({ _id: 'drafts.pair-1', _type: 'story', headline: 'Draft' });
    await until(() => events.length === 2, 'the mutation');
    expect(events[1]).toMatchObject({
      type: 'mutation',
      documentId: 'drafts.pair-1',
      transition: 'appear',
      resultRev: draft._rev,
      mutations: [{ createOrReplace: { _id: 'drafts.pair-1', headline: 'Draft' } }],
      effects: { revert: [0, null] },
    });
    subscription.unsubscribe();
  });

  it('keeps the EventSource polyfill connected with heartbeats', async () => {
    const url = `${t.lake.url}/v${STUDIO_API_VERSION}/data/listen/production?query=${encodeURIComponent('*[_type == "poly"]')}`;
    // 1 s is the polyfill's shortest inactivity timeout; the lake under test beats every 300 ms.
    const source = new EventSourcePolyfill(url, {
      headers: { Authorization: `Bearer ${t.tokens.viewer}` },
      heartbeatTimeout: 1000,
    });
    const seen: string[] = [];
    source.addEventListener('welcome', () => seen.push('welcome'));
    source.addEventListener('mutation', (event) => seen.push(`mutation ${(event as MessageEvent).lastEventId}`));
    source.addEventListener('error', () => seen.push('error'));
    await until(() => seen.length === 1, 'the welcome');
    const doc = await t.editor.create({ _type: 'poly' });
    await until(() => seen.length === 2, 'the mutation');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(seen).toEqual(['welcome', `mutation ${doc._rev}#${doc._id}`]);
    source.close();
  });
});

describe('when the EventSource polyfill reconnects', () => {
  let t: TestLake;
  beforeAll(async () => {
    t = await startTestLake({ listen: { heartbeatMs: 20_000 } });
  });
  afterAll(() => t.close());

  it('welcomes it again, whatever ?lastEventId= it carries', async () => {
    const url = `${t.lake.url}/v${STUDIO_API_VERSION}/data/listen/production?query=${encodeURIComponent('*[_type == "poly"]')}`;
    // Silence longer than its 1 s timeout (no heartbeat yet) makes it reconnect with the last event id.
    const complaints = vi.spyOn(console, 'error').mockImplementation(() => {});
    const source = new EventSourcePolyfill(url, {
      headers: { Authorization: `Bearer ${t.tokens.viewer}` },
      heartbeatTimeout: 1000,
    });
    const seen: string[] = [];
    source.addEventListener('welcome', () => seen.push('welcome'));
    source.addEventListener('mutation', () => seen.push('mutation'));
    await until(() => seen.length === 1, 'the welcome');
    await t.editor.create({ _type: 'poly' });
    await until(() => seen.includes('mutation'), 'the mutation');
    await until(() => seen.filter((e) => e === 'welcome').length >= 2, 'a fresh welcome after the reconnect', 8000);
    expect(String(complaints.mock.calls[0]?.[0])).toMatch(/No activity within 1000 milliseconds/);
    complaints.mockRestore();
    source.close();
  });
});
