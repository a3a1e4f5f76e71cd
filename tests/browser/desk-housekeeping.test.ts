// The desk's housekeeping in the Studio: finding a colleague with the global
// search and what refers to them, starting a follow-up by duplicating a story
// (and throwing the copy away), and rolling a story back to an earlier
// revision from its History.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteDocument } from './support/document-actions.ts';
import { seedPublishedStory } from './support/seed-story.ts';
import { publish } from './support/story-form.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';

describe('housekeeping on the desk', () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio?.close());

  it('finds a person with the global search, and the stories that credit them', async () => {
    const session = await studio.open(studio.editor('Sol Search'));
    const { page } = session;
    await page.getByTestId('studio-search').click();
    await page.keyboard.type('Atta Kenare');
    await page.getByTestId('search-results').getByText('Atta Kenare').click();
    await session.openDocument();
    await page.getByTestId('document-pane').getByTestId('pane-context-menu-button').click();
    await page.getByRole('menuitem', { name: 'Incoming references' }).click();
    // The seeded story credits his photo.
    await page.getByText('Iran’s Mehmanparast Says ‘Soft War’ Cyber Attacks to Fail').waitFor();
    expect(session.console.problems()).toEqual([]);
  });

  it('duplicates a story as a new one: its text, not its address, publication time or corrections', async () => {
    const editor = studio.editor('Dee Duplicate');
    const client = studio.client({ token: editor.token });
    const original = await seedPublishedStory(client, 'Pipeline Talks Collapse');
    await client
      .patch(original.id)
      .set({
        updatedAt: '2026-04-02T09:00:00Z',
        corrections: [
          {
            _key: 'c1',
            _type: 'correction',
            date: '2026-04-02T09:00:00Z',
            text: 'An earlier version misnamed the pipeline.',
          },
        ],
      })
      .commit();
    const session = await studio.open(editor, `/intent/edit/id=${original.id};type=story/`);
    const { page } = session;
    await session.openDocument();
    await page.getByTestId('pane-footer').getByTestId('action-menu-button').click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await page.waitForURL((url) => !decodeURIComponent(url.pathname).includes(original.id));
    const copyId = await session.openDocument();
    const copy = await client.getDocument(`drafts.${copyId}`);
    expect(copy).toMatchObject({ headline: original.headline, dek: `What happened in ${original.headline}.` });
    expect(copy?.body).toHaveLength(1);
    for (const field of ['slug', 'publishedAt', 'updatedAt', 'corrections']) {
      expect(copy, `the copy's ${field}`).not.toHaveProperty(field);
    }
    // The copy asks for what a new story needs before it can be published.
    await page.getByTestId('document-pane').getByRole('button', { name: 'Validation' }).click();
    await page.getByRole('button', { name: /^Slug/ }).getByText('Generate a slug from the headline.').waitFor();
    await page
      .getByRole('button', { name: /^Published at/ })
      .getByText('Set the publication time.')
      .waitFor();
    // Thrown away, the copy leaves the original as it was.
    await deleteDocument(page);
    expect(await client.getDocument(`drafts.${copyId}`)).toBeUndefined();
    expect(await studio.client().getDocument(original.id)).toMatchObject({ corrections: [expect.anything()] });
    expect(session.console.problems()).toEqual([]);
  });

  it('rolls a story back to an earlier published revision from its History, and publishes it again', async () => {
    const editor = studio.editor('Rey Revert');
    const story = await seedPublishedStory(studio.client({ token: editor.token }), 'Refinery Reopens');
    const session = await studio.open(editor, `/intent/edit/id=${story.id};type=story/`);
    const { page } = session;
    await session.openDocument();
    const good = 'Refinery Reopens After Fire';
    await page.locator('#headline').fill(good);
    await publish(page);
    await page.locator('#headline').fill('Refinery Reopens After Fire, Killing Six');
    await publish(page);
    await page.getByTestId('pane-footer-document-status').click();
    await page.getByRole('tab', { name: 'History' }).click();
    // Newest first: the wrong publish, then the good one.
    const publishes = page.getByTestId('timeline-item-button').filter({ hasText: 'Published' });
    await publishes.nth(1).click();
    await page.getByTestId('pane-footer').getByRole('button', { name: 'Revert to revision' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(/ was restored$/).waitFor();
    await page
      .locator('#headline')
      .and(page.locator(`[value="${good}"]`))
      .waitFor();
    await publish(page);
    expect(await studio.client().getDocument(story.id)).toMatchObject({ headline: good });
    expect(session.console.problems()).toEqual([]);
  });
});
