// node scripts/webhooks.ts against a running lake's data directory: what it
// adds fires at once, and it shows the delivery log.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isValidSignature } from '@sanity/webhook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../helpers/lake.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';

const SCRIPT = join(import.meta.dirname, '../../scripts/webhooks.ts');

let t: TestLake;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await startTestLake();
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args, '--data-dir', t.dataDir]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('scripts/webhooks.ts', () => {
  it('adds a webhook that a running lake fires, lists it without its secret, shows deliveries, removes it', async () => {
    const added = await cli(
      'add',
      ...['--name', 'publisher', '--url', receiver.url, '--dataset', 'production'],
      ...['--filter', '_type == "story"', '--projection', '{_id, _rev, "slug": slug.current}'],
      ...['--on', 'create,update', '--secret', 's3cret', '--header', 'X-Source: cli', '--json'],
    );
    expect(added.code).toBe(0);
    const hook = JSON.parse(added.stdout);
    expect(hook).toMatchObject({
      name: 'publisher',
      secret: '(set)',
      rule: { on: ['create', 'update'] },
      headers: { 'X-Source': 'cli' },
    });

    const doc = await t.editor.create({ _id: 'cli-story', _type: 'story', slug: { current: 'cli-story' } });
    const [request] = await receiver.waitFor(1);
    expect(JSON.parse(request?.body ?? '')).toEqual({ _id: 'cli-story', _rev: doc._rev, slug: 'cli-story' });
    expect(request?.headers['x-source']).toBe('cli');
    expect(
      await isValidSignature(request?.body ?? '', String(request?.headers['sanity-webhook-signature']), 's3cret'),
    ).toBe(true);

    const listed = await cli('list');
    expect(listed.stdout).toMatch(
      new RegExp(
        `^${hook.id}\\tpublisher\\tproduction\\tcreate,update\\tPOST ${receiver.url}\\t_type == "story"\\tsigned\\n$`,
      ),
    );
    expect(listed.stdout).not.toContain('s3cret');

    for (const deadline = Date.now() + 5000; Date.now() < deadline; ) {
      if ((await cli('deliveries', '--webhook', 'publisher')).stdout.includes('delivered')) break;
    }
    const deliveries = await cli('deliveries', '--webhook', 'publisher', '--json');
    const [delivery] = JSON.parse(deliveries.stdout);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, operation: 'create', documentId: 'cli-story' });
    const attempts = await cli('attempts', String(delivery.id), '--json');
    expect(JSON.parse(attempts.stdout)).toEqual([expect.objectContaining({ attempt: 1, status: 200, error: null })]);

    const removed = await cli('remove', 'publisher');
    expect(removed).toMatchObject({ code: 0, stderr: expect.stringContaining('Removed webhook "publisher"') });
    expect((await cli('list', '--json')).stdout.trim()).toBe('[]');
  });

  it('explains bad input', async () => {
    const badGroq = await cli('add', '--name', 'x', '--url', receiver.url, '--filter', '_type ==');
    expect(badGroq.code).toBe(1);
    expect(badGroq.stderr).toMatch(/Invalid webhook: rule\.filter is not valid GROQ/);
    expect(badGroq.stderr).toMatch(/Write the filter without the surrounding/);
    const noUrl = await cli('add', '--name', 'x');
    expect(noUrl).toMatchObject({ code: 1, stderr: expect.stringContaining('"url"') });
    const unknown = await cli('remove', 'nope');
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('No webhook with id or name "nope"') });
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
