// A journalist's first words in a published story, typed as the lake is
// stopped for a restart (Ctrl-C in `npm start`). The save that creates the
// story's draft is on its way when the stop comes. The Studio throws that
// save away if it fails, with every keystroke behind it (its document store
// drops a failed commit whose document does not exist yet; lake/README.md,
// "Stopping"), and then says "Saved". So the stopping lake answers it, and
// the autosave that follows, before it lets go; after the restart the words
// are in the form and in the draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAKE_RESTART_NOISE } from './support/console-watch.ts';
import { seedPublishedStory } from './support/seed-story.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';

describe('the lake restarted while a journalist types', () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio?.close());

  it('keeps the first words typed into a published story', async () => {
    const editor = studio.editor('Rita Restart');
    const story = await seedPublishedStory(studio.client({ token: editor.token }), 'Ferry Strike');
    const session = await studio.open(editor, `/intent/edit/id=${story.id};type=story/`);
    const { page } = session;
    await session.openDocument();
    const dek = page.locator('#dek');
    const typed = `What happened in Ferry Strike. Talks failed.`;

    // The first keystroke sends the save that creates the draft; it waits here until the
    // journalist has finished typing, and goes out as the lake is told to stop.
    let doneTyping = () => {};
    const finished = new Promise<void>((resolve) => {
      doneTyping = resolve;
    });
    let held = 0;
    await page.route(/\/data\/actions\//, async (route) => {
      held += 1;
      if (held === 1) {
        await finished;
        void studio.stopLake();
      }
      await route.continue();
    });
    await dek.click();
    await dek.press('End');
    await dek.pressSequentially(' Talks failed.', { delay: 20 });
    expect(held).toBe(1);
    doneTyping();

    await studio.stopLake();
    // What the Studio shows while the lake is away: the words, not yet saved.
    expect(await dek.inputValue()).toBe(typed);
    await studio.startLakeAgain();

    const draftDek = async () => (await studio.client({ token: editor.token }).getDocument(`drafts.${story.id}`))?.dek;
    expect(await draftDek()).toBe(typed);
    // The Studio reconnects, and the form still holds every word, saved.
    await page
      .getByTestId('pane-footer')
      .getByText(/^(Saved|Edited)/)
      .waitFor({ timeout: 30_000 });
    expect(await dek.inputValue()).toBe(typed);
    expect(session.console.problems().filter((p) => !LAKE_RESTART_NOISE.test(p.text))).toEqual([]);
  });
});
