// A story from the seed import (content/), opened in the Studio: the import
// is its publication, so "Review changes" has nothing to show until an editor
// changes something, and then shows only that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';

const STORY = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';

describe('an imported story in the Studio', () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio?.close());

  it('has nothing to review until it is edited, then only the edit', async () => {
    const editor = studio.editor('Dana Desk');
    const session = await studio.open(editor, `/intent/edit/id=${STORY};type=story/`);
    const { page } = session;
    await session.openDocument();
    await page.getByTestId('pane-footer').getByText('Last published').waitFor();

    // The status bar opens "Review changes": the changes since the last publish.
    await page.getByTestId('pane-footer-document-status').click();
    const review = page.locator('#review-panel');
    await review.getByText('There are no changes').waitFor({ timeout: 15_000 });

    // With the changes open, an edit shows up there alone.
    await page.locator('#dek').fill('Tehran blames hostile governments.');
    await review.getByText('Tehran blames hostile governments.').waitFor();
    const reviewed = await review.textContent();
    expect(reviewed).toContain('Dek');
    expect(reviewed).not.toMatch(/Headline|Slug|Section|Hero photo|Body/);

    await page.getByRole('tab', { name: 'History' }).click();
    const items = page.getByTestId('timeline-item-button');
    await items.first().filter({ hasText: 'Edited' }).waitFor();
    // Newest first: the edit, then the import as its publication and creation.
    const events = (await items.allTextContents()).map((text) => /Edited|Published|Created/.exec(text)?.[0] ?? text);
    expect(events).toEqual(['Edited', 'Published', 'Created']);
    expect(session.console.problems()).toEqual([]);
  });
});
