// From the Publish button to readers, as on a clean `npm start`: a journalist
// edits a published story in the Studio, the lake's signed webhook reaches the
// publisher, the publisher builds and deploys, and the local edge serves the
// new headline within seconds, while the story's badge follows the deploy
// live ("Building…", then "Live since 14:02"). A deploy that fails says why
// in the badge, and the edge keeps the last good release.
import type { SanityClient } from '@sanity/client';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortReason } from '../../studio/deploys/deploy-status-label.ts';
import { seedPublishedStory } from './support/seed-story.ts';
import { type SitePublisher, startSitePublisher } from './support/site-publisher.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';
import type { StudioSession } from './support/studio-session.ts';

const STORY = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
const PATH = '/story/irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';

type Deployment = { status: string; changedIds: string[]; finishedAt?: string; error?: string };

describe('a publish in the Studio goes live on the edge', () => {
  let studio: StudioHarness;
  let site: SitePublisher;
  const publisherLog: string[] = [];
  beforeAll(async () => {
    studio = await startStudioHarness();
    site = await startSitePublisher(studio, (line) => publisherLog.push(line));
  });
  afterAll(async () => {
    await site?.close();
    await studio?.close();
  });

  it('is served by the edge within seconds, the badge going from Building… to Live since', async () => {
    const headline = 'Iran Says Its Oil Ministry Fended Off the Cyber Attack';
    expect((await site.page(PATH)).html).not.toContain(headline);
    const nadia = studio.editor('Nadia Night Desk');
    const reader = studio.client({ token: nadia.token });
    const session = await studio.open(nadia, `/intent/edit/id=${STORY};type=story/`);
    await session.openDocument();
    const badges = session.page.getByTestId('pane-footer');
    // The start-up release shows the seeded story.
    await badges.getByText(await liveSince(session.page, await newestDeployment(reader)), { exact: true }).waitFor();

    await session.page.locator('#headline').fill(headline);
    // The deploy status speaks of the published version; the edit is said beside it.
    await badges.getByText('Unpublished changes', { exact: true }).waitFor();
    await clickPublish(session.page);
    const clicked = performance.now();
    const served = untilEdgeServes(site, PATH, headline).then(() => (performance.now() - clicked) / 1000);
    await badges.getByText('Building…', { exact: true }).waitFor();
    const seconds = await served;
    console.log(`publish-to-edge: the edge served the new headline ${seconds.toFixed(1)} s after the Publish click`);

    const deployment = await newestDeployment(reader);
    expect(deployment).toMatchObject({ status: 'live', changedIds: [STORY] });
    await badges.getByText(await liveSince(session.page, deployment), { exact: true }).waitFor();
    expect(await badges.getByText('Unpublished changes').count()).toBe(0);
    expectConsoleClean(session);
  });

  it('says why a deploy failed, while the edge keeps serving the last good release', async () => {
    const omar = studio.editor('Omar Desk');
    const reader = studio.client({ token: omar.token });
    const story = await seedPublishedStory(reader, 'Refinery Fire Contained');
    const path = `/story/${story.slug}`;
    await untilEdgeServes(site, path, story.headline);
    // Settings the loader must skip as invalid: with no site settings, every build fails.
    await reader.patch('siteSettings').set({ siteName: '' }).commit();
    await untilDeployment(reader, (d) => d.status === 'failed' && d.changedIds.includes('siteSettings'));

    const session = await studio.open(omar, `/intent/edit/id=${story.id};type=story/`);
    await session.openDocument();
    const badges = session.page.getByTestId('pane-footer');
    await badges.getByText(/^Live since /).waitFor();
    await session.page.locator('#headline').fill('Refinery Fire Spreads to a Second Unit');
    await clickPublish(session.page);
    await badges.getByText('Building…', { exact: true }).waitFor();
    const failed = await untilDeployment(reader, (d) => d.status !== 'building');
    // The settings change whose publish failed is still unpublished, so it is carried into this one.
    expect(failed).toMatchObject({ status: 'failed' });
    expect([...failed.changedIds].sort()).toEqual(['siteSettings', story.id].sort());
    // Strict builds (CI) stop at the invalid document, others at the missing settings: both name it.
    expect(failed.error).toMatch(/siteSettings/);
    await badges.getByText(`Failed: ${shortReason(failed.error ?? '')}`, { exact: true }).waitFor();

    const { html } = await site.page(path);
    expect(html).toContain(story.headline);
    expect(html).not.toContain('Second Unit');
    expectConsoleClean(session);
  });

  /** The console shows no problem; on failure the publisher's log says what it did. */
  function expectConsoleClean(session: StudioSession): void {
    expect(session.console.problems(), publisherLog.join('\n')).toEqual([]);
  }
});

async function clickPublish(page: Page): Promise<void> {
  const button: Locator = page.getByTestId('action-publish');
  await button.and(page.locator(':not([disabled])')).waitFor();
  await button.click();
}

async function newestDeployment(client: SanityClient): Promise<Deployment> {
  return client.fetch<Deployment>(
    '*[_type == "deployment"] | order(startedAt desc) [0] {status, changedIds, finishedAt, error}',
  );
}

/** Waits for the newest deployment to satisfy `ready` (the deploy after a publish). */
async function untilDeployment(client: SanityClient, ready: (d: Deployment) => boolean): Promise<Deployment> {
  return until(async () => {
    const newest = await newestDeployment(client);
    return newest && ready(newest) ? newest : undefined;
  }, 'a deployment in the expected state');
}

async function untilEdgeServes(site: SitePublisher, path: string, text: string): Promise<void> {
  await until(async () => ((await site.page(path)).html.includes(text) ? true : undefined), `${text} at ${path}`);
}

/** The badge for a live deployment, with the time as the editor's browser writes it. */
async function liveSince(page: Page, deployment: Deployment): Promise<string> {
  const time = await page.evaluate(
    (iso) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
    String(deployment.finishedAt),
  );
  return `Live since ${time}`;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
