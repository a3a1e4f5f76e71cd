// Editing and unpublishing a story that is already on the site: the history
// names who changed it, and an unpublished story leaves the next build.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpublish } from './support/document-actions.ts';
import { seedPublishedStory } from './support/seed-story.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';

describe('a published story, edited and unpublished in the Studio', () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio?.close());

  it('shows a second edit in the history with its author', async () => {
    const ada = studio.editor('Ada Author');
    const story = await seedPublishedStory(studio.client({ token: ada.token }), 'Refinery Outage');
    const bob = studio.editor('Bob Editor');
    const session = await studio.open(bob, `/intent/edit/id=${story.id};type=story/`);
    const { page } = session;
    await session.openDocument();
    await page.locator('#dek').fill('Updated after the ministry’s statement.');
    const reader = studio.client({ token: bob.token });
    await waitFor(
      async () => (await reader.getDocument(`drafts.${story.id}`))?.dek === 'Updated after the ministry’s statement.',
    );

    await page.getByTestId('pane-footer-document-status').click();
    await page.getByRole('tab', { name: 'History' }).click();
    const items = page.getByTestId('timeline-item-button');
    // Newest first: Bob's edit, then Ada's story as she created it.
    await items.first().filter({ hasText: 'Edited' }).getByLabel('Bob Editor').waitFor();
    await items.last().filter({ hasText: 'Created' }).getByLabel('Ada Author').waitFor();
    expect(session.console.problems()).toEqual([]);
  });

  it('takes an unpublished story off the site at the next build', async () => {
    const writer = studio.editor('Cleo Desk');
    const story = await seedPublishedStory(studio.client({ token: writer.token }), 'Pipeline Deal');
    const page = (dir: string) => join(dir, `story/${story.slug}.html`);
    const before = await studio.build();
    expect(before.code, before.output).toBe(0);
    expect(existsSync(page(before.outDir))).toBe(true);

    const session = await studio.open(writer, `/intent/edit/id=${story.id};type=story/`);
    await session.openDocument();
    await unpublish(session.page);

    expect(await studio.client().getDocument(story.id)).toBeUndefined();
    const after = await studio.build();
    expect(after.code, after.output).toBe(0);
    expect(existsSync(page(after.outDir))).toBe(false);
    expect(session.console.problems()).toEqual([]);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('The lake did not reach the expected state in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
