// An archive import whose stories refer strongly to people the file and the
// dataset lack. Content Lake refuses a write that leaves a strong reference
// to a missing document, so every edit of such a story, including the
// Studio's first one (the action that copies the published story into its
// draft), was answered 409, which the Studio drops: the journalist could not
// change a word. The import writes those references weak, as @sanity/import
// leaves them when their strengthening is refused, and says which.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, startTestLake, type TestLake, tempDir } from '../helpers/lake.ts';

const reference = (id: string) => ({ _type: 'reference', _ref: id });
const story = {
  _id: 'story-archive',
  _type: 'story',
  headline: 'Port reopens',
  section: reference('section-news'),
  byline: [{ _key: 'a', person: reference('person-gone') }],
};
const section = { _id: 'section-news', _type: 'section', title: 'News' };

function ndjson(docs: Record<string, unknown>[]): string {
  const file = join(tempDir('import-references-'), 'data.ndjson');
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n'));
  return file;
}

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
});
afterAll(() => t.close());

describe('an import referring to documents no one has', () => {
  it('leaves the story editable: the Studio’s first edit is saved, not refused', async () => {
    const result = await t.lake.import(ndjson([section, story]));
    expect(result.weakenedReferences).toEqual([
      { documentId: 'story-archive', line: 2, path: 'byline[0].person', target: 'person-gone' },
    ]);
    const response = await t.fetch(`/v${API_VERSION}/data/actions/production`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        actions: [
          {
            actionType: 'sanity.action.document.edit',
            draftId: 'drafts.story-archive',
            publishedId: 'story-archive',
            patch: { set: { headline: 'Port reopens after strike' } },
          },
        ],
      }),
    });
    expect(response.status).toBe(200);
    expect(await t.editor.getDocument('drafts.story-archive')).toMatchObject({
      headline: 'Port reopens after strike',
      // The section is there: its reference stays strong. The person is not: weak, as upstream leaves it.
      section: { _ref: 'section-news', _type: 'reference' },
      byline: [{ person: { _ref: 'person-gone', _type: 'reference', _weak: true } }],
    });
    expect((await t.editor.getDocument('story-archive'))?.section).not.toHaveProperty('_weak');
  });

  it('names each reference it wrote weak on the command line', async () => {
    const dataDir = tempDir('import-references-cli-');
    const run = spawnSync(process.execPath, ['scripts/import.ts', ndjson([story]), '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Wrote 2 reference(s) weak: the documents they point at are in neither');
    expect(run.stderr).toContain('  story-archive (line 1) section -> section-news\n');
    expect(run.stderr).toContain('  story-archive (line 1) byline[0].person -> person-gone\n');
  });
});
