// An import with --replace that carries the draft of a story a journalist is
// working on (an export taken while someone edited it, a restore): the
// journalist's draft is theirs, so it is kept and named, unless the import is
// told to replace editors' drafts too. Before, the file's draft replaced it,
// and a Studio open on the story showed the import's text in their form.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEditor, openDatabase } from '../../lake/index.ts';
import { type lakeClient, startTestLake, type TestLake, tempDir } from '../helpers/lake.ts';

const story = (id: string, dek: string) => ({ _id: id, _type: 'story', headline: 'Talks resume', dek });

/** An NDJSON file of `docs`. */
function ndjson(docs: Record<string, unknown>[]): string {
  const file = join(tempDir('import-drafts-'), 'data.ndjson');
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n'));
  return file;
}

/** The file of a re-import: the story as published, and its draft as the export had it. */
const exported = (id: string) =>
  ndjson([story(id, 'From the archive.'), { ...story(id, 'Draft from the export.'), _id: `drafts.${id}` }]);

let t: TestLake;
let journalist: ReturnType<typeof lakeClient>;
beforeAll(async () => {
  t = await startTestLake();
  const db = openDatabase(t.dataDir);
  const { token } = createEditor(db, { name: 'Ana Reporter', email: 'ana@newsroom.test', role: 'editor' });
  db.close();
  journalist = t.client({ token });
});
afterAll(() => t.close());

/** A published story with a draft the journalist has written in. */
async function storyInProgress(id: string): Promise<void> {
  await t.lake.import(ndjson([story(id, 'As first published.')]));
  await journalist.create({ ...story(id, 'As first published.'), _id: `drafts.${id}` });
  await journalist.patch(`drafts.${id}`).set({ dek: 'What Ana has written since.' }).commit();
}

describe('import --replace and the drafts editors are working on', () => {
  it("keeps the journalist's draft, names it, and replaces the rest", async () => {
    await storyInProgress('story-kept');
    const result = await t.lake.import(exported('story-kept'), { mode: 'createOrReplace' });
    expect(result.keptDrafts).toEqual([
      { id: 'drafts.story-kept', line: 2, editedBy: 'Ana Reporter', editedAt: expect.any(String) },
    ]);
    expect(result.numDocs).toBe(1);
    expect(await t.editor.getDocument('drafts.story-kept')).toMatchObject({ dek: 'What Ana has written since.' });
    expect(await t.editor.getDocument('story-kept')).toMatchObject({ dek: 'From the archive.' });
  });

  it('replaces a draft no one has changed since an import wrote it, and any with replaceEditedDrafts', async () => {
    await t.lake.import(
      ndjson([
        story('story-untouched', 'Old.'),
        { ...story('story-untouched', 'Old draft.'), _id: 'drafts.story-untouched' },
      ]),
    );
    await storyInProgress('story-forced');
    const untouched = await t.lake.import(exported('story-untouched'), { mode: 'createOrReplace' });
    const forced = await t.lake.import(exported('story-forced'), {
      mode: 'createOrReplace',
      replaceEditedDrafts: true,
    });
    expect([untouched.keptDrafts, forced.keptDrafts]).toEqual([[], []]);
    for (const id of ['story-untouched', 'story-forced'])
      expect(await t.editor.getDocument(`drafts.${id}`)).toMatchObject({ dek: 'Draft from the export.' });
  });
});

describe('scripts/import.ts', () => {
  const run = (...args: string[]) => {
    const { status, stderr } = spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });
    return { status, stderr };
  };

  it('says which drafts --replace kept, and how to replace them too', async () => {
    const other = await startTestLake();
    const db = openDatabase(other.dataDir);
    const { token } = createEditor(db, { name: 'Ben Desk', email: 'ben@newsroom.test', role: 'editor' });
    db.close();
    await other.editor.create(story('story-cli', 'Published.'));
    await other.client({ token }).create({ ...story('story-cli', 'Ben is writing this.'), _id: 'drafts.story-cli' });
    await other.lake.close();
    const { status, stderr } = run(exported('story-cli'), '--replace', '--data-dir', other.dataDir);
    expect(status).toBe(0);
    expect(stderr).toContain("Kept 1 draft(s) that editors have changed, instead of the file's version");
    expect(stderr).toMatch(/ {2}drafts\.story-cli \(line 2\): last changed by Ben Desk at \d{4}-/);
    expect(stderr).toContain('run the import again with --replace --replace-drafts');
  });

  it('refuses --replace-drafts without --replace', () => {
    const { status, stderr } = run(exported('story-flag'), '--replace-drafts', '--data-dir', tempDir('import-flag-'));
    expect(status).toBe(2);
    expect(stderr).toContain('--replace-drafts: goes with --replace');
  });
});
