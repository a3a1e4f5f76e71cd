// Two editors in the same story at once, the validation that keeps an
// uncredited photo off the site, and the slug the Generate button makes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedSlug, STORY_SLUG_MAX_LENGTH } from '../../schemas/generated-slug.ts';
import { seedPublishedStory } from './support/seed-story.ts';
import { fillHeadline, fillHeroPhotoCredit, fillHeroPhotoText, uploadHeroPhoto } from './support/story-form.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';
import { createPath } from './support/studio-session.ts';
import { testPhoto } from './support/test-photo.ts';

describe('editing together, and validation', () => {
  let studio: StudioHarness;
  let photo: string;
  beforeAll(async () => {
    [studio, photo] = await Promise.all([
      startStudioHarness(),
      testPhoto('uncredited.png', { width: 800, height: 600, color: '#884422' }),
    ]);
  });
  afterAll(() => studio?.close());

  it('keeps both edits when two editors change different fields at once', async () => {
    const ana = studio.editor('Ana Concurrent');
    const ben = studio.editor('Ben Concurrent');
    const story = await seedPublishedStory(studio.client({ token: ana.token }), 'Tanker Seized');
    const path = `/intent/edit/id=${story.id};type=story/`;
    const [a, b] = await Promise.all([studio.open(ana, path), studio.open(ben, path)]);
    await Promise.all([a.openDocument(), b.openDocument()]);
    // Both type at the same time, keystroke by keystroke, into different fields.
    await Promise.all([
      typeAtEnd(a.page, '#headline', ' in the Gulf'),
      typeAtEnd(b.page, '#dek', ' Officials confirmed it.'),
    ]);
    const headline = 'Tanker Seized in the Gulf';
    const dek = `What happened in Tanker Seized. Officials confirmed it.`;
    // Each editor sees the other's edit arrive.
    await waitForValue(a.page, '#dek', dek);
    await waitForValue(b.page, '#headline', headline);
    const draft = await studio.client({ token: ana.token }).getDocument(`drafts.${story.id}`);
    expect(draft).toMatchObject({ headline, dek });
    expect(a.console.problems()).toEqual([]);
    expect(b.console.problems()).toEqual([]);
  });

  it('will not publish a photo without a credit', async () => {
    const editor = studio.editor('Val Idation');
    const story = await seedPublishedStory(studio.client({ token: editor.token }), 'Uncredited Photo');
    const session = await studio.open(editor, `/intent/edit/id=${story.id};type=story/`);
    const { page } = session;
    await session.openDocument();
    await uploadHeroPhoto(page, photo);
    await fillHeroPhotoText(page, { alt: 'A tanker at sea', caption: 'The seized tanker.' });
    // The validation panel names the problem in the words the schema gives editors.
    await page.getByTestId('document-pane').getByRole('button', { name: 'Validation' }).click();
    await page
      .getByRole('button', { name: /^Hero photo \/ Credit/ })
      .getByText('Credit the photographer or agency before publishing.')
      .waitFor();
    const publish = page.getByTestId('action-publish');
    await publish.and(page.locator('[disabled]')).waitFor();
    const published = await studio.client().getDocument(story.id);
    expect(published?.heroPhoto).toBeUndefined();
    const draft = await studio.client({ token: editor.token }).getDocument(`drafts.${story.id}`);
    expect(draft?.heroPhoto).toMatchObject({ alt: 'A tanker at sea' });
    // The credit was all that stood in the way: with one, the story can be published.
    await fillHeroPhotoCredit(page, { agencies: ['Reuters'] });
    await publish.and(page.locator(':not([disabled])')).waitFor();
    expect(session.console.problems()).toEqual([]);
  });

  it('refuses a slug another story already has (the Studio asks the lake)', async () => {
    const editor = studio.editor('Uma Unique');
    await seedPublishedStory(studio.client({ token: editor.token }), 'Port Strike');
    const session = await studio.open(editor, createPath('story'));
    const { page } = session;
    await session.openDocument();
    await fillHeadline(page, 'Port Strike');
    await page.locator('#slug').and(page.locator('[value="port-strike"]')).waitFor();
    await page.getByTestId('document-pane').getByRole('button', { name: 'Validation' }).click();
    await page.getByRole('button', { name: /^Slug/ }).getByText('Slug is already in use').waitFor();
    expect(session.console.problems()).toEqual([]);
  });

  it('generates a slug for a headline no table spells, as the converter would', async () => {
    const editor = studio.editor('Wen Wang');
    const session = await studio.open(editor, createPath('story'));
    const { page } = session;
    await session.openDocument();
    const headline = '中国宣布新的网络安全法规';
    await fillHeadline(page, headline);
    const expected = await generatedSlug(STORY_SLUG_MAX_LENGTH)(headline);
    expect(expected).toMatch(/^[0-9a-f]{12}$/);
    await page
      .locator('#slug')
      .and(page.locator(`[value="${expected}"]`))
      .waitFor();
    expect(session.console.problems()).toEqual([]);
  });
});

async function typeAtEnd(page: Page, selector: string, text: string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.press('ControlOrMeta+End');
  await input.pressSequentially(text, { delay: 10 });
}

function waitForValue(page: Page, selector: string, value: string): Promise<unknown> {
  return page.waitForFunction(
    ([sel, expected]) => (document.querySelector(sel as string) as HTMLInputElement | null)?.value === expected,
    [selector, value],
  );
}
