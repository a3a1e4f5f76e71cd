// A journalist opens the Studio: no login screen, the newsroom's desk, and a
// console with nothing in it but the refused requests to Sanity's own hosts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';

describe('the Studio on the embedded lake', () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio?.close());

  it('boots straight to the desk, with a clean console', async () => {
    const session = await studio.open(studio.editor('Ada Boot'), '/structure/stories;all');
    const desk = session.page.getByTestId('structure-tool-list-pane').first();
    for (const item of ['Stories', 'Quotes', 'People', 'Sections', 'Photos', 'Site settings']) {
      await desk.getByTestId(`pane-item-${item}`).waitFor();
    }
    // The seeded story is listed with its section, date and hero thumbnail.
    const story = session.page
      .getByTestId('document-list-pane')
      .getByRole('link')
      .filter({ hasText: 'Mehmanparast' })
      .filter({ hasText: 'Technology · Published · 2012-05-29' });
    await story.locator('img').waitFor();
    expect(session.console.refused().some((url) => url.includes('sanity-cdn.com'))).toBe(true);
    expect(session.console.problems()).toEqual([]);
  });

  it('files stories under drafts, published and their section', async () => {
    const editor = studio.editor('Dana Desk');
    await studio.client({ token: editor.token }).create({
      _id: 'drafts.story-desk-draft',
      _type: 'story',
      headline: 'A Draft Nobody Has Published',
      section: { _type: 'reference', _ref: 'section-technology' },
    });
    const session = await studio.open(editor, '/structure/stories');
    const { page } = session;
    const list = () => page.getByTestId('document-list-pane').last();
    const seedStory = /Mehmanparast/;
    await page.getByTestId('pane-item-Drafts').click();
    await list()
      .getByRole('link', { name: /A Draft Nobody Has Published/ })
      .filter({ hasText: 'Technology · Draft · No publication time' })
      .waitFor();
    expect(await list().getByRole('link', { name: seedStory }).count()).toBe(0);
    await page.getByTestId('pane-item-Published').click();
    await list().getByRole('link', { name: seedStory }).waitFor();
    expect(
      await list()
        .getByRole('link', { name: /A Draft Nobody Has Published/ })
        .count(),
    ).toBe(0);
    await page.getByTestId('pane-item-By section').click();
    await page.getByRole('link', { name: /^Technology/ }).click();
    await list()
      .getByRole('link', { name: /A Draft Nobody Has Published/ })
      .waitFor();
    await list().getByRole('link', { name: seedStory }).waitFor();
    expect(session.console.problems()).toEqual([]);
  });

  it('keeps the site settings to one document: no create, duplicate, delete or unpublish', async () => {
    const session = await studio.open(studio.editor('Sam Singleton'), '/structure/siteSettings');
    const { page } = session;
    await page.locator('#siteName').and(page.locator('[value="Bloomberg"]')).waitFor();
    await page.getByTestId('action-publish').waitFor();
    // A story's footer has a menu of further actions (unpublish, duplicate, delete); the settings' has none.
    expect(await page.getByTestId('pane-footer').getByTestId('action-menu-button').count()).toBe(0);
    await page.getByTestId('new-document-button').click();
    await page.getByTestId('create-new-story').waitFor();
    const creatable = await page
      .locator('[data-testid^="create-new-"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('data-testid')));
    expect(creatable.sort()).toEqual([
      'create-new-person',
      'create-new-quote',
      'create-new-section',
      'create-new-story',
    ]);
    await session.edit('story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail', 'story');
    await page.getByTestId('pane-footer').getByTestId('action-menu-button').waitFor();
    expect(session.console.problems()).toEqual([]);
  });

  it('offers no comments, which need a hosted add-on the lake does not have', async () => {
    const session = await studio.open(
      studio.editor('Cy Comment'),
      '/intent/edit/id=story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail;type=story/',
    );
    await session.openDocument();
    const pane = session.page.getByTestId('document-pane');
    // Each field's own actions are there; beside them, no "Add comment", and no Comments pane in the header.
    await pane.getByTestId('field-dek').getByTestId('field-actions-trigger').waitFor();
    await pane.getByTestId('pane-context-menu-button').waitFor();
    expect(await pane.getByRole('button', { name: /^(Add comment|Comments)$/ }).count()).toBe(0);
    expect(session.console.problems()).toEqual([]);
  });

  it('lists each photo with the credit it is printed under and where it is used', async () => {
    const session = await studio.open(studio.editor('Pat Photo'), '/structure/photos');
    const row = session.page.getByTestId('photo-row').filter({ hasText: 'mehmanparast' });
    await row.getByTestId('photo-credit').getByText('Photographer: Atta Kenare/AFP/Getty Images').waitFor();
    await row.getByRole('link', { name: 'Iran’s Mehmanparast Says ‘Soft War’ Cyber Attacks to Fail' }).waitFor();
    expect(session.console.problems()).toEqual([]);
  });
});
