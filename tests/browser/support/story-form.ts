// Writing a story the way a journalist does in the Studio's form: typing into
// fields, picking from reference search, inserting blocks from the body's
// toolbar, uploading a photo. Locators are the Studio's own field ids and
// test ids, and each step waits for what the editor would wait for.
import type { Locator, Page } from 'playwright-core';
import { type ButtonState, describeButtonLog, publishButtonLog } from './publish-button-log.ts';
import { toastLog } from './toast-log.ts';

/** Studio field ids contain dots (`heroPhoto.alt`); CSS needs them escaped. */
const field = (page: Page, id: string) => page.locator(`#${id.replace(/\./g, '\\.')}`);

export async function fillHeadline(page: Page, headline: string): Promise<void> {
  await field(page, 'headline').fill(headline);
  await page.getByTestId('field-slug').getByRole('button', { name: 'Generate' }).click();
}

export async function fillDek(page: Page, dek: string): Promise<void> {
  await field(page, 'dek').fill(dek);
}

/**
 * Picks a document in a reference field by typing part of its title. On a
 * loaded machine the form can still be settling when the text goes in, and the
 * search never starts (seen once in CI: no listbox in 30 s, where it takes a
 * second alone); an editor would type again, and so does this, twice at most.
 */
export async function pickReference(page: Page, fieldId: string, search: string, title: string): Promise<void> {
  const option = page.locator(`[id="${fieldId}-listbox"]`).getByRole('option', { name: new RegExp(title) });
  for (let attempt = 1; ; attempt++) {
    await field(page, fieldId).fill(search);
    try {
      await option.waitFor({ timeout: 15_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await field(page, fieldId).fill('');
    }
  }
  await option.click();
}

/** Adds a story to "Related stories" (Metadata group) by typing part of its headline. */
export async function addRelatedStory(page: Page, search: string, headline: string): Promise<void> {
  await page.getByTestId('group-tab-meta').click();
  const related = page.getByTestId('field-related');
  await related.getByTestId('add-single-object-button').click();
  // The new item's input is named by its generated key: it is the field's only empty one.
  await related.locator('input[id^="related["]').last().fill(search);
  await page
    .getByTestId('autocomplete-popover')
    .getByRole('option', { name: new RegExp(headline) })
    .click();
}

/** The publication time is in the Metadata group; `when` as the input takes it: "2026-05-01 09:00". */
export async function fillPublishedAt(page: Page, when: string): Promise<void> {
  await fillTime(page, 'publishedAt', when);
}

/** "Take down at", in the Metadata group; `when` as the input takes it, in the browser's time zone. */
export async function fillUnpublishAt(page: Page, when: string): Promise<void> {
  await fillTime(page, 'unpublishAt', when);
}

async function fillTime(page: Page, fieldId: 'publishedAt' | 'unpublishAt', when: string): Promise<void> {
  await page.getByTestId('group-tab-all-fields').click();
  await field(page, fieldId).fill(when);
  await field(page, fieldId).press('Enter');
}

export async function typeParagraph(page: Page, text: string): Promise<void> {
  await page.getByTestId('field-body').locator('[contenteditable="true"]').click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Inserts a pull quote after the cursor and fills it in its dialog. */
export async function insertPullQuote(page: Page, quote: { text: string; speaker: string; role?: string }) {
  await page.getByRole('button', { name: 'Insert Pull quote (block)' }).click();
  const dialog = page.getByTestId('nested-object-dialog');
  await dialog.locator('textarea[id$=".text"]').fill(quote.text);
  await dialog.locator('input[id$=".speaker.name"]').fill(quote.speaker);
  if (quote.role) await dialog.locator('input[id$=".speakerRole"]').fill(quote.role);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

/** Uploads the hero photo and waits until the Studio shows it as uploaded (its edit button appears). */
export async function uploadHeroPhoto(page: Page, file: string): Promise<void> {
  await page.getByTestId('image-input').locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('options-menu-edit-details').waitFor();
}

export async function fillHeroPhotoText(page: Page, text: { alt?: string; caption?: string }): Promise<void> {
  if (text.alt !== undefined) await field(page, 'heroPhoto.alt').fill(text.alt);
  if (text.caption !== undefined) await field(page, 'heroPhoto.caption').fill(text.caption);
}

/**
 * A credit as printed: a photographer typed by name or picked from People
 * (`photographerPerson`, by the name they are listed under), then agencies as
 * tags, and the rights note editors see but readers do not.
 */
export async function fillHeroPhotoCredit(
  page: Page,
  credit: { photographer?: string; photographerPerson?: string; agencies?: string[]; rightsNote?: string },
) {
  if (credit.photographer || credit.photographerPerson) {
    await page.getByTestId('field-heroPhoto.credit').getByRole('button', { name: 'Photographer' }).click();
  }
  if (credit.photographer) await field(page, 'heroPhoto.credit.photographer.name').fill(credit.photographer);
  if (credit.photographerPerson) {
    const person = credit.photographerPerson;
    await pickReference(page, 'heroPhoto.credit.photographer.person', person.split(' ')[0] ?? person, person);
  }
  for (const agency of credit.agencies ?? []) {
    await field(page, 'heroPhoto.credit.agencies').fill(agency);
    await field(page, 'heroPhoto.credit.agencies').press('Enter');
  }
  if (credit.rightsNote) await field(page, 'heroPhoto.credit.rightsNote').fill(credit.rightsNote);
}

/** The credit line the form shows under the credit fields (what readers will see). */
export function creditLinePreview(page: Page) {
  return page.getByTestId('field-heroPhoto.credit').getByTestId('credit-line');
}

/**
 * Publishes once the Studio allows it and the last edit is saved (as an
 * editor watching the footer would), and waits for the footer to say so: a
 * story's status badge by default, `status` for other documents or states.
 * With documents side by side, `pane` is the one to publish.
 *
 * Sanity 6.9.2 can drop a publish clicked just after an edit: it matches
 * validation results to the document by `_rev`, which local edits do not
 * change, so for a moment after the save it holds the result for an older
 * state of the form as the saved one's. A scheduled publish then ends with a
 * "Validation errors" toast for errors the form no longer has, and nothing is
 * published. A journalist clicks Publish again, and so does this, twice at
 * most; an error the form really has keeps the button disabled and fails here.
 *
 * A click can also come to nothing without a toast, on a machine running
 * tests twice as slowly as usual: the footer still said "Edited 29 sec. ago"
 * 30 s after the click, once with the button never changing, and once with it
 * disabled for 0.3 s and then an enabled "Publish" again. A click the Studio
 * takes changes the button within a second (disabled, "Validating document…",
 * or replaced as the footer redraws); if it is an enabled "Publish" for
 * seconds afterwards, with nothing published, an editor clicks again.
 */
export async function publish(
  page: Page,
  status: RegExp = /^(On the site|Embargoed until .*)$/,
  pane: Locator = page.locator('body'),
): Promise<void> {
  const toasts = await toastLog(page);
  const buttonStates = await publishButtonLog(pane);
  const button = pane.getByTestId('action-publish');
  const reached = pane.getByTestId('pane-footer').getByText(status);
  const started = Date.now();
  const deadline = started + 30_000;
  for (let attempt = 1; ; attempt++) {
    await pane.getByTestId('pane-footer').getByText('Saving...').waitFor({ state: 'hidden' });
    await button.and(page.locator(':not([disabled])')).waitFor();
    const toastsBefore = (await toasts()).length;
    const statesBefore = (await buttonStates()).length;
    const clicked = Date.now();
    await button.click();
    for (;;) {
      if (await reached.isVisible()) return;
      const dropped = (await toasts()).slice(toastsBefore).some((toast) => toast.startsWith('Validation errors'));
      if (dropped && attempt < 3) break;
      // The button was enabled "Publish" at the click, and the log keeps changes only.
      if (idleSince(await buttonStates(), statesBefore, clicked) > LOST_CLICK_MS && attempt < 3) break;
      if (Date.now() > deadline) {
        throw new Error(
          `The footer never showed ${status} after ${attempt} click(s) on Publish.\n` +
            `The Studio showed instead: footer ${await footers(page)}, toasts since the page loaded ${JSON.stringify(await toasts())}, ` +
            `the Publish button ${describeButtonLog(await buttonStates(), started)}`,
        );
      }
      await page.waitForTimeout(100);
    }
  }
}

/** How long the Publish button may stay as it was after a click before the click counts as lost. */
const LOST_CLICK_MS = 5_000;

/**
 * How long the button has been an enabled "Publish" since the click: never
 * changed, or back to that after taking the click (0 while it is anything else).
 */
function idleSince(states: readonly ButtonState[], statesBefore: number, clicked: number): number {
  const change = states.length > statesBefore ? states[states.length - 1] : undefined;
  if (change && (change.disabled || change.label !== 'Publish')) return 0;
  return Date.now() - (change?.at ?? clicked);
}

/** The pane footers (badges, actions): what an editor looks at when a publish seems stuck. */
function footers(page: Page): Promise<string> {
  return page
    .locator('[data-testid="pane-footer"]')
    .allTextContents()
    .then((all) => JSON.stringify(all))
    .catch(() => '(unreadable)');
}
