// A journalist with a story open while the newsroom imports a dataset that
// changes it. The import is shown for what it is, a publish by "Dataset
// import" (as the history has it), not a live edit that looks like a
// colleague typing; and `npm run import -- --replace` leaves the journalist's
// draft of the story theirs, saying so, when the file brings a draft of it.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/site-build.ts';
import { LAKE_RESTART_NOISE } from './support/console-watch.ts';
import { seedPublishedStory } from './support/seed-story.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';

/** An NDJSON export of `docs`. */
function exportFile(docs: Record<string, unknown>[]): string {
  const file = join(tempDir('import-while-editing-'), 'data.ndjson');
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n'));
  return file;
}

describe('an import while a journalist has the story open', () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio?.close());

  /** A journalist (a new editor) with a published story of theirs open; `published` is it as exported. */
  async function openStory(name: string, headline: string) {
    const editor = studio.editor(name);
    const client = studio.client({ token: editor.token });
    const story = await seedPublishedStory(client, headline);
    const session = await studio.open(editor, `/intent/edit/id=${story.id};type=story/`);
    await session.openDocument();
    const { _rev, _createdAt, _updatedAt, ...published } = (await client.getDocument(story.id)) as Record<
      string,
      unknown
    >;
    return { session, page: session.page, client, story, published };
  }

  it('shows an import into the running lake as a publish by the import, not as someone typing', async () => {
    const { session, page, published } = await openStory('Ida Import', 'Grain Deal');

    await studio.lake.import(exportFile([{ ...published, headline: 'Grain Deal Extended' }]), {
      mode: 'createOrReplace',
    });
    await page.locator('#headline[value="Grain Deal Extended"]').waitFor();
    const footer = page.getByTestId('pane-footer');
    await footer.getByText(/^Last published/).waitFor();
    await footer.locator('[title="Dataset import"]').waitFor();
    expect(await footer.textContent()).not.toContain('Live edited');
    expect(session.console.problems()).toEqual([]);
  });

  it("keeps the journalist's draft when `npm run import -- --replace` brings one from an export", async () => {
    const { session, page, client, story, published } = await openStory('Ana Draft', 'Rail Strike');
    const theirs = 'Unions called the strike off at noon.';
    await page.locator('#dek').fill(theirs);
    // The Studio's autosave follows the keystroke by up to a second: poll as long as a save takes under load.
    await expect
      .poll(async () => (await client.getDocument(`drafts.${story.id}`))?.dek, { timeout: 15_000 })
      .toBe(theirs);

    // An export taken earlier, with an older draft of the story, imported over the stopped lake.
    const file = exportFile([
      { ...published, headline: 'Rail Strike Called' },
      { ...published, _id: `drafts.${story.id}`, dek: 'A draft from the export.' },
    ]);
    await studio.stopLake();
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/import.ts'), file, '--replace', '--data-dir', studio.lake.dataDir],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    await studio.startLakeAgain();

    // Back on line, the Studio has the imported story as the published one...
    await page.getByTestId('document-pane').getByRole('button', { name: 'Published' }).first().click();
    await page.locator('#headline[value="Rail Strike Called"]').waitFor({ timeout: 30_000 });
    // ...and the journalist's draft, with their words, as the draft.
    await page.getByTestId('document-pane').getByRole('button', { name: 'Draft' }).first().click();
    await expect.poll(() => page.locator('#dek').inputValue(), { timeout: 10_000 }).toBe(theirs);
    // Whoever ran the import was told whose draft it kept.
    expect(run.stderr).toContain(`drafts.${story.id} (line 2): last changed by Ana Draft`);
    expect(session.console.problems().filter((p) => !LAKE_RESTART_NOISE.test(p.text))).toEqual([]);
  });
});
