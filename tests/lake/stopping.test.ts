// Stopping the Studio-facing lake (Ctrl-C in `npm start`, a restart) while an
// editor is saving, over HTTP/2 + TLS as the Studio talks to it. The lake
// stops taking connections and listeners at once, but answers what it was
// sent: a save half received when the stop came, and the Studio's next
// autosave on its open connection a moment later. Before, close() destroyed
// every socket, and the Studio dropped the refused save that creates the
// draft of a published story, with the keystrokes behind it.
import { rmSync } from 'node:fs';
import { type ClientHttp2Session, connect } from 'node:http2';
import { afterAll, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../lake/index.ts';
import { ensureLocalCertificates } from '../../lake/tls/local-certificates.ts';
import { API_VERSION, lakeClient, tempDir } from '../helpers/lake.ts';

const certificates = ensureLocalCertificates({ dir: tempDir('lake-stop-certs-') });
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const STORY = { _id: 'story-a', _type: 'story', headline: 'Talks resume', dek: 'In Vienna.' };

async function studioLake(dataDir: string, port = 0): Promise<{ lake: Lake; token: string }> {
  const lake = await startLake({
    dataDir,
    port,
    tls: { key: certificates.key, cert: certificates.cert },
    httpPort: 0,
    onError: () => {},
  });
  return { lake, token: lake.tokens.create({ name: 'studio', role: 'editor' }).token };
}

/** The lake over plain HTTP, for checking what it stored. */
const reader = (lake: Lake, token: string) => lakeClient({ ...lake, url: lake.httpUrl as string }, { token });

/** A lake holding the published story, and an editor's HTTP/2 connection to it, as the Studio's. */
async function editorAtStory() {
  const dataDir = tempDir('lake-stop-');
  dirs.push(dataDir);
  const { lake, token } = await studioLake(dataDir);
  await reader(lake, token).create(STORY);
  return { dataDir, lake, token, client: session(lake) };
}

/** The story's draft as a lake started again on `dataDir` has it. */
async function draftAfterRestart(dataDir: string) {
  const { lake, token } = await studioLake(dataDir);
  const draft = await reader(lake, token).getDocument(`drafts.${STORY._id}`);
  await lake.close();
  return draft;
}

function session(lake: Lake): ClientHttp2Session {
  const client = connect(`https://local.localhost:${lake.port}`, {
    ca: certificates.ca,
    lookup: ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) =>
      cb(null, [{ address: '127.0.0.1', family: 4 }])) as never,
  });
  client.on('error', () => {});
  return client;
}

type Answer = { status: number; body: string };

/** A request on `client`; `body` pieces are sent one by one, each after its promise. */
function request(
  client: ClientHttp2Session,
  path: string,
  token: string,
  body?: { first: string; rest: string; between: () => Promise<void> },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const stream = client.request({
      ':method': body ? 'POST' : 'GET',
      ':path': path,
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    });
    let text = '';
    let status = 0;
    stream.setEncoding('utf8');
    stream.on('response', (headers) => {
      status = Number(headers[':status']);
    });
    stream.on('data', (chunk: string) => {
      text += chunk;
    });
    stream.on('end', () => resolve({ status, body: text }));
    stream.on('error', reject);
    if (!body) return stream.end();
    stream.write(body.first);
    void body.between().then(() => stream.end(body.rest), reject);
  });
}

/** The Studio's first edit of a published story: the action that creates its draft, then patches it. */
function firstEdit(transactionId: string, dek: string): string {
  return JSON.stringify({
    actions: [
      {
        actionType: 'sanity.action.document.edit',
        draftId: `drafts.${STORY._id}`,
        publishedId: STORY._id,
        patch: { set: { dek } },
      },
    ],
    transactionId,
  });
}

const ACTIONS = `/v${API_VERSION}/data/actions/production`;

describe('stopping the lake while an editor saves', () => {
  it('answers and keeps a save it was receiving when told to stop', async () => {
    const { dataDir, lake, token, client } = await editorAtStory();
    let closing: Promise<void> | undefined;
    const body = firstEdit('save-in-flight', 'In Vienna, on Monday.');
    const answer = await request(client, ACTIONS, token, {
      first: body.slice(0, 40),
      rest: body.slice(40),
      between: async () => {
        // The save is on its way when the stop comes.
        await new Promise((resolve) => setTimeout(resolve, 50));
        closing = lake.close();
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    });
    expect(answer).toEqual({ status: 200, body: JSON.stringify({ transactionId: 'save-in-flight' }) });
    await closing;
    client.close();
    expect(await draftAfterRestart(dataDir)).toMatchObject({ dek: 'In Vienna, on Monday.', _rev: 'save-in-flight' });
  });

  it("takes the Studio's autosave a moment after the stop, but no new listener, then lets go", async () => {
    const { dataDir, lake, token, client } = await editorAtStory();
    const listen = `/v${API_VERSION}/data/listen/production?query=${encodeURIComponent('*[_id in $ids]')}&$ids=${encodeURIComponent(JSON.stringify([STORY._id, `drafts.${STORY._id}`]))}`;
    // The Studio's listener is open; the stop ends it, which is how the Studio learns the lake is going.
    const listening = request(client, listen, token);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = Date.now();
    const closing = lake.close();
    expect((await listening).body).toContain('event: welcome');
    // Its reconnect, on the same connection, is refused until a lake is back.
    const relisten = await request(client, listen, token);
    expect(relisten.status).toBe(503);
    expect(JSON.parse(relisten.body).error).toMatchObject({ type: 'httpServiceUnavailable' });
    // The autosave of what was typed before the stop, sent half a second after it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const body = firstEdit('autosave', 'In Vienna, on Monday.');
    const autosave = await request(client, ACTIONS, token, { first: body, rest: '', between: async () => {} });
    expect(autosave.status).toBe(200);
    await closing;
    // Then quiet for the grace (1.5 s), and the lake is gone: no editor waits on it longer.
    expect(Date.now() - stopped).toBeLessThan(4_000);
    client.close();
    expect(await draftAfterRestart(dataDir)).toMatchObject({ dek: 'In Vienna, on Monday.', _rev: 'autosave' });
  });
});
