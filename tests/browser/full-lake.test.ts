// A journalist editing while the lake's storage is full (its size cap,
// maxDatabaseBytes, which SQLite treats as a full disk). The lake refuses the
// save with a 507; the Studio keeps the edit, shows it as still saving and
// tries again; once the operator frees space the edit is stored, with nothing
// typed lost. (The Studio drops the very first edit of a published document,
// the one that creates its draft, if that save fails, whatever the status:
// that is the Studio's own handling, with file and line in lake/README.md,
// "Stopping". So this journey starts from a saved draft.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';

const STORY = 'story-irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';

describe('the Studio on a full lake', () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness({ maxDatabaseBytes: 8 * 1024 * 1024 });
  });
  afterAll(() => studio?.close());

  it('keeps an edit the lake had no room for, and saves it once there is room', async () => {
    const editor = studio.editor('Dana Desk');
    const operator = studio.client({ token: editor.token });
    const draftDek = async () => (await operator.getDocument(`drafts.${STORY}`))?.dek;
    const session = await studio.open(editor, `/intent/edit/id=${STORY};type=story/`);
    const { page } = session;
    await session.openDocument();
    const footer = page.getByTestId('pane-footer');
    await page.locator('#dek').fill('Saved before the lake filled up.');
    await expect.poll(draftDek, { timeout: 15_000 }).toBe('Saved before the lake filled up.');

    // Fill the lake until no 2 KB document fits: a draft of the story (two
    // copies of it, with the log) cannot, and the operator's small deletes can.
    const fillers: string[] = [];
    for (const size of [200_000, 20_000, 2_000]) {
      for (;;) {
        const id = `filler-${fillers.length}`;
        const stored = await operator.create({ _id: id, _type: 'filler', text: 'x'.repeat(size) }).then(
          () => true,
          (error: { statusCode?: number }) => {
            expect(error.statusCode).toBe(507);
            return false;
          },
        );
        if (!stored) break;
        fillers.push(id);
      }
    }

    const refused = page.waitForResponse((r) => r.url().includes('/data/actions/') && r.status() === 507);
    await page.locator('#dek').fill('Typed while the lake was full.');
    await refused;
    // The edit stays in the form, marked as not yet saved, and the lake still has the old text.
    await footer.getByText('Saving...').waitFor();
    await page.waitForTimeout(2_000);
    expect(await page.locator('#dek').inputValue()).toBe('Typed while the lake was full.');
    expect(await draftDek()).toBe('Saved before the lake filled up.');

    for (const id of fillers) await operator.delete(id);
    await expect.poll(draftDek, { timeout: 30_000 }).toBe('Typed while the lake was full.');
    await footer.getByText(/Edited/).waitFor();
    const problems = session.console.problems().filter((p) => !p.text.includes('status of 507'));
    expect(problems).toEqual([]);
  });
});
