// Taking a document down the way an editor does, with the Studio's own
// document actions: Unpublish from the published version's footer, Delete
// from the footer's menu, each confirmed in the Studio's dialog. Each waits
// for the Studio's word that it worked.
import type { Page } from 'playwright-core';

/**
 * Unpublishes the open document and returns to its draft. The confirmation
 * first looks for documents that refer to it, and lists any it finds.
 */
export async function unpublish(page: Page): Promise<void> {
  // Studio 6 offers Unpublish on the published version: switch the document's view to it first.
  await page.getByTestId('document-header-Published-chip').click();
  await page.getByTestId('pane-footer').getByRole('button', { name: 'Unpublish' }).click();
  await confirm(page, 'Unpublish document?', /^Unpublish/);
  await page.getByText(/was unpublished\. A draft has been created/).waitFor();
  // The view stays on the published version, which is gone now: the editor goes back to the draft.
  await page.getByTestId('document-header-Draft-chip').click();
  await page.getByTestId('pane-footer').getByTestId('action-menu-button').waitFor();
}

/** Deletes the open document (every version of it) from the footer's menu. */
export async function deleteDocument(page: Page): Promise<void> {
  await page.getByTestId('pane-footer').getByTestId('action-menu-button').click();
  await page.getByRole('menuitem', { name: /^Delete/ }).click();
  await confirm(page, 'Delete document?', /^Delete/);
  await page.getByText('The document was successfully deleted').waitFor();
}

/**
 * Confirms once the dialog has looked for referring documents. It lists any
 * it finds, weak references too, with "You may not be able to …" and an
 * "… anyway" button: Sanity's words, which hosted Sanity shows alike.
 */
async function confirm(page: Page, title: string, button: RegExp): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByText('Looking for referring documents…').waitFor({ state: 'hidden' });
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Toasts the Studio shows as errors (critical tone), by their text. */
export function errorToasts(page: Page): Promise<string[]> {
  return page.locator('[data-ui="Toast"][data-tone="critical"]').allTextContents();
}
