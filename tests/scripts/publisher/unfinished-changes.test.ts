// A deletion is known only from its webhook: the stories that showed the
// deleted document (a quote's attribution, through a weak reference, since the
// lake refuses to delete what is referenced strongly) are fetched again only
// when a publish names it. A publish that fails, or a publisher stopped before its
// publish went live, must not forget it; and one that failed only because
// the lake was restarting is published again without waiting for the next. Real parts: the lake's own webhook,
// a lake restarted on its port (as `npm start` after a crash), real builds.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../../lake/index.ts';
import { releaseStore } from '../../../scripts/deploy/release-store.ts';
import { type Edge, startEdge } from '../../../scripts/edge/edge-server.ts';
import { type Publisher, startPublisher } from '../../../scripts/publisher/publisher.ts';
import { publisherWebhook } from '../../../scripts/support/publisher-service.ts';
import { lakeClient, tempDir } from '../../helpers/lake.ts';
import { ROOT } from '../../helpers/site-build.ts';

const STORY = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
const PATH = '/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
const SECRET = 'unfinished-changes-secret';

describe('changes of a publish that did not go live', () => {
  const dataDir = tempDir('unfinished-lake-');
  const store = releaseStore(tempDir('unfinished-releases-'));
  const workDir = tempDir('unfinished-work-');
  const cacheDir = tempDir('unfinished-cache-');
  let lake: Lake;
  let port: number;
  let token: string;
  let publisher: Publisher;
  let edge: Edge;

  const start = async () => {
    publisher = await startPublisher({
      store,
      client: lakeClient(lake, { token }),
      secret: SECRET,
      workDir,
      cacheDir,
      buildEnv: {
        SANITY_API_HOST: lake.url,
        SANITY_PROJECT_ID: lake.projectId,
        SANITY_DATASET: 'production',
        SANITY_TOKEN: token,
      },
      quietMs: 100,
      maxWaitMs: 1000,
      retryMs: 500,
      log: () => {},
    });
    lake.webhooks.remove('publisher');
    lake.webhooks.add(
      publisherWebhook({ publisherUrl: publisher.webhooks.url, dataset: 'production', secret: SECRET }),
    );
  };
  const editor = () => lakeClient(lake, { token });
  /** Whether the quote's words on the live story page are still attributed. */
  const attributed = async (text: string) => {
    const html = await (await fetch(`${edge.url}${PATH}`)).text();
    const mark = html.match(new RegExp(`<q class="quotation"([^>]*)>${text}`));
    expect(mark, `the quote "${text}" is on the page`).not.toBeNull();
    return /data-speaker=/.test(mark?.[1] ?? '');
  };
  /** Makes a change, lets its webhook reach the publisher, and fails that publish by stopping the lake. */
  const changeWhileTheLakeGoesDown = async (id: string, change: () => Promise<unknown>) => {
    const failures = publisher.history().filter((r) => r.error).length;
    const delivered = lake.webhooks.deliveries({ status: 'delivered' }).length;
    await change();
    await until(() => lake.webhooks.deliveries({ status: 'delivered' }).length > delivered);
    expect(lake.webhooks.deliveries({ status: 'delivered' })[0]?.documentId).toBe(id);
    await lake.close();
    await until(() => publisher.history().filter((r) => r.error).length > failures);
    await publisher.idle();
  };
  /**
   * Makes the story's reference to the quote weak, as a schema with `weak: true`
   * writes it, so the lake lets the quote be deleted while the story shows it;
   * and puts that edit live.
   */
  const referToWeakly = async (quote: string) => {
    const story = await editor().getDocument<{
      body: { _key: string; markDefs?: { _key: string; quote?: { _ref: string } }[] }[];
    }>(STORY);
    const block = story?.body.find((b) => b.markDefs?.some((m) => m.quote?._ref === quote));
    const mark = block?.markDefs?.find((m) => m.quote?._ref === quote);
    expect(mark, `the story quotes ${quote}`).toBeDefined();
    const done = publisher.history().length;
    await editor()
      .patch(STORY)
      .set({ [`body[_key=="${block?._key}"].markDefs[_key=="${mark?._key}"].quote._weak`]: true })
      .commit();
    await until(() => publisher.history().length > done);
    await publisher.idle();
  };
  const restartLake = async () => {
    lake = await startLake({ dataDir, port, onError: () => {} });
  };

  beforeAll(async () => {
    lake = await startLake({ dataDir, onError: () => {} });
    port = Number(new URL(lake.url).port);
    await lake.import(join(ROOT, 'content'));
    token = lake.tokens.create({ name: 'publisher', role: 'editor' }).token;
    await start();
    edge = await startEdge({ store });
    publisher.publishNow('start-up');
    await publisher.idle();
  });
  afterAll(async () => {
    await publisher?.close();
    await edge?.close();
    await lake?.close();
  });

  it('a publish the lake did not answer (restarting) goes live once the lake is back, with no other publish', async () => {
    const dek = 'Published while the lake restarted.';
    await changeWhileTheLakeGoesDown(STORY, () => editor().patch(STORY).set({ dek }).commit());
    await restartLake();
    const started = Date.now();
    while (!(await (await fetch(`${edge.url}${PATH}`)).text()).includes(dek)) {
      expect(Date.now() - started, 'the edit is live within 30 s of the lake coming back').toBeLessThan(30_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  it('a quote deleted while its publish failed (the lake restarting) loses its attribution with the next publish', async () => {
    const quote = 'quote-5a338ebae85d';
    const text = 'Illegitimate regimes are producing viruses';
    expect(await attributed(text)).toBe(true);
    await referToWeakly(quote);
    await changeWhileTheLakeGoesDown(quote, () => editor().delete(quote));
    await restartLake();
    // Any later publish, of a document the story does not show.
    await editor().patch('siteSettings').set({ tagline: 'A later publish.' }).commit();
    await until(
      () =>
        publisher
          .history()
          .at(-1)
          ?.changes.some((c) => c.id === 'siteSettings') === true,
    );
    await publisher.idle();
    expect(publisher.history().at(-1)?.result).toBeDefined();
    expect(await attributed(text)).toBe(false);
  });

  it('a restarted publisher’s first publish carries the deletion its last run did not put live', async () => {
    const quote = 'quote-d37927b8d8d0';
    const text = await editor().fetch<string>('*[_id == $id][0].text', { id: quote });
    expect(await attributed(text)).toBe(true);
    await referToWeakly(quote);
    await changeWhileTheLakeGoesDown(quote, () => editor().delete(quote));
    await publisher.close();
    await restartLake();
    await start();
    publisher.publishNow('start-up');
    await publisher.idle();
    expect(publisher.history().at(-1)?.result).toBeDefined();
    expect(await attributed(text)).toBe(false);
  });
});

async function until(done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
