// Two jobs done after a story is out: a dated correction added to it, and the
// site's chrome changed in the site settings (a top link, a footer group, a
// support number, refused until it is written as the tel: link needs). The
// next build prints both.
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcMinute } from '../../schemas/utc-minute.ts';
import { readPage } from '../helpers/site-build.ts';
import { seedPublishedStory } from './support/seed-story.ts';
import { publish } from './support/story-form.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';

/** Adds an item to the array field `field` and returns its dialog. */
async function addItem(page: Page, field: string) {
  await page.getByTestId(`field-${field}`).getByRole('button', { name: 'Add item' }).click();
  return page.getByTestId('nested-object-dialog').last();
}

/** Closes the item dialog, nested ones with it (the Studio closes a dialog stack at once). */
async function closeDialog(page: Page): Promise<void> {
  const dialogs = page.getByTestId('nested-object-dialog');
  await dialogs.last().getByRole('button', { name: 'Close dialog' }).click();
  await dialogs.first().waitFor({ state: 'detached' });
}

describe('after publication', () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio?.close());

  it('adds a dated correction to a published story, printed at its end', async () => {
    const editor = studio.editor('Cora Correction');
    const story = await seedPublishedStory(studio.client({ token: editor.token }), 'Strike Ends');
    const session = await studio.open(editor, `/intent/edit/id=${story.id};type=story/`);
    const { page } = session;
    await session.openDocument();
    await page.getByTestId('group-tab-meta').click();
    const correction = await addItem(page, 'corrections');
    await correction.locator('input[id$=".date"]').fill('2026-05-02 10:15');
    await correction.locator('input[id$=".date"]').press('Enter');
    await correction.locator('textarea[id$=".text"]').fill('An earlier version misstated the day of the vote.');
    await closeDialog(page);
    await publish(page);
    const [printed] = (await studio.client().getDocument(story.id))?.corrections ?? [];
    expect(printed).toMatchObject({ text: 'An earlier version misstated the day of the vote.' });
    // The form's list dates the correction as the Studio's lists date things, not as stored ISO text.
    const listed = page.getByTestId('field-corrections');
    await expect.poll(() => listed.textContent(), { timeout: 10_000 }).toContain(`${utcMinute(printed.date)}`);
    expect(await listed.textContent()).not.toContain(printed.date);

    const build = await studio.build();
    expect(build.code, build.output).toBe(0);
    const html = readPage(build.outDir, `story/${story.slug}.html`);
    const item = select('section.corrections li', html);
    expect(item && textOf(item)).toMatch(/^May 2, 2026 at .+: An earlier version misstated the day of the vote\.$/);
    expect(select('section.corrections li time', html)?.properties.dateTime).toBe(printed.date);
    expect(session.console.problems()).toEqual([]);
  });

  it('changes the chrome from the site settings: a top link, a footer group, a support number', async () => {
    const session = await studio.open(studio.editor('Sid Settings'), '/structure/siteSettings');
    const { page } = session;
    await page.locator('#siteName').and(page.locator('[value="Bloomberg"]')).waitFor();
    const link = await addItem(page, 'primaryNav');
    await link.locator('input[id$=".label"]').fill('Newsletters');
    await link.locator('input[id$=".href"]').fill('/newsletters');
    await closeDialog(page);
    const group = await addItem(page, 'footerGroups');
    await group.locator('input[id$=".title"]').fill('Newsroom');
    await group.getByRole('button', { name: 'Add item' }).click();
    const groupLink = page.getByTestId('nested-object-dialog').last();
    await groupLink.locator('input[id$=".label"]').fill('Corrections policy');
    await groupLink.locator('input[id$=".href"]').fill('https://example.com/corrections');
    await closeDialog(page);
    const number = await addItem(page, 'supportNumbers');
    await number.locator('input[id$=".region"]').fill('Middle East');
    // Written as people write numbers, it cannot be a tel: link: refused, in the schema's words.
    await number.locator('input[id$=".phone"]').fill('+971 4 364 1000');
    await page.getByTestId('action-publish').and(page.locator('[disabled]')).waitFor();
    await page.getByTestId('document-pane').getByRole('button', { name: 'Validation' }).click();
    await page
      .getByRole('button', { name: /^Customer-support numbers/ })
      .getByText('Write the number as + then country code and number, digits only: +12123182000.')
      .first()
      .waitFor();
    await number.locator('input[id$=".phone"]').fill('+97143641000');
    await number.locator('input[id$=".display"]').fill('+971 4 364 1000');
    await closeDialog(page);
    await publish(page, /^Last published/);

    const build = await studio.build();
    expect(build.code, build.output).toBe(0);
    const home = readPage(build.outDir, 'index.html');
    expect(selectAll('nav.top-links a', home).map((a) => [textOf(a), a.properties.href])).toContainEqual([
      'Newsletters',
      '/newsletters',
    ]);
    const newsroom = select('footer section.footer-group[aria-label="Newsroom"]', home);
    expect(newsroom && textOf(newsroom)).toBe('NewsroomCorrections policy');
    expect(textOf(select('footer a[href="tel:+97143641000"]', home) ?? home)).toBe('+971 4 364 1000');
    expect(session.console.problems()).toEqual([]);
  });
});
