// Editing a story body in the Studio's Portable Text editor as a journalist
// does: new paragraphs from the keyboard, a block's style from the toolbar,
// words selected and then linked or tied to a quote from the library, a photo
// inserted between paragraphs.
import type { Page } from 'playwright-core';

const body = (page: Page) => page.getByTestId('field-body');

/** Puts the cursor after the body's last character, with nothing selected. */
async function endOfBody(page: Page): Promise<void> {
  await body(page).locator('[contenteditable="true"]').focus();
  await page.keyboard.press('ControlOrMeta+End');
}

/** Starts a new block at the end of the body and types into it. */
export async function newBlock(page: Page, text: string): Promise<void> {
  await endOfBody(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Gives the block at the cursor a style from the toolbar's style menu ("Subhead", "Block quote", …). */
export async function setBlockStyle(page: Page, style: string, current = 'Paragraph'): Promise<void> {
  await body(page).getByRole('button', { name: current, exact: true }).click();
  await page.getByRole('menuitem', { name: style, exact: true }).click();
}

/**
 * Selects `words` in the body as a mouse drag would: the editor follows the
 * document's selection, and its annotation buttons act on it.
 */
export async function selectWords(page: Page, words: string): Promise<void> {
  const found = await body(page)
    .locator('[contenteditable="true"]')
    .evaluate((editor, wanted) => {
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return true;
      }
      return false;
    }, words);
  if (!found) throw new Error(`The body has no "${words}" to select`);
  // The editor (Slate) takes the document's selection on `selectionchange`,
  // throttled to once per 100 ms; acting sooner acts on the previous selection.
  await page.waitForTimeout(250);
}

/** The field an annotation's popover opens with: it shows that the annotation was made. */
const FIRST_FIELD = { Link: 'input[id$=".href"]', 'Attributed quote': 'input[id$=".quote"]' } as const;

/**
 * Selects `words` and opens the annotation `kind` ("Link", "Attributed quote")
 * from the toolbar, or from its overflow menu when the toolbar is too narrow
 * to show it. On a loaded machine the editor can take the selection later
 * than the wait in selectWords allows, and the button then acts on no
 * selection and opens nothing: an editor would select the words again and
 * click again, and so does this, up to three times.
 */
export async function annotate(page: Page, words: string, kind: 'Link' | 'Attributed quote'): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await selectWords(page, words);
    const shown = body(page).locator(`button[aria-label="${kind}"]:not([aria-hidden="true"])`);
    if (await shown.isVisible()) {
      await shown.click();
    } else {
      await body(page).getByTestId('action-menu-button').first().click();
      await page.getByRole('menuitem', { name: kind, exact: true }).click();
    }
    const opened = await page
      .locator(FIRST_FIELD[kind])
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (opened) return;
    if (attempt === 3) throw new Error(`The ${kind} annotation on "${words}" did not open after ${attempt} tries`);
    await page.keyboard.press('Escape');
  }
}

/** Links `words` to `href` in the link's popover. */
export async function linkWords(page: Page, words: string, href: string): Promise<void> {
  await annotate(page, words, 'Link');
  await page.locator('input[id$=".href"]').fill(href);
  await page.keyboard.press('Escape');
}

/** Ties `words` to the quote from the library found by typing `search`; returns the option's text (the quote's preview). */
export async function quoteWords(page: Page, words: string, search: string): Promise<string> {
  await annotate(page, words, 'Attributed quote');
  await page.locator('input[id$=".quote"]').fill(search);
  const option = page.getByRole('option').filter({ hasText: words });
  const preview = (await option.textContent()) ?? '';
  await option.click();
  await page.keyboard.press('Escape');
  return preview;
}

/**
 * Inserts a photo block at the end of the body (with words selected, the
 * editor would put it in their place): upload, alt text, caption and agency
 * credit in its dialog.
 */
export async function insertBodyPhoto(
  page: Page,
  photo: { file: string; alt: string; caption: string; agency: string },
): Promise<void> {
  await endOfBody(page);
  await page.getByRole('button', { name: 'Insert Photo (block)' }).click();
  const dialog = page.getByTestId('nested-object-dialog');
  await dialog.locator('input[type=file]').setInputFiles(photo.file);
  await dialog.getByTestId('options-menu-edit-details').waitFor();
  await dialog.locator('input[id$=".alt"]').fill(photo.alt);
  await dialog.locator('textarea[id$=".caption"]').fill(photo.caption);
  await dialog.locator('input[id$=".credit.agencies"]').fill(photo.agency);
  await dialog.locator('input[id$=".credit.agencies"]').press('Enter');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}
