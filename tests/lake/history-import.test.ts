// The history of imported documents, as the Studio's legacy timeline reads it
// over HTTP: an import publishes what it writes, so a story that came from an
// import and was never edited has nothing to review, and an edit after it is
// reviewed on its own.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, startTestLake, type TestLake, tempDir } from '../helpers/lake.ts';
import { changedFields, openTimeline, studioClient } from '../helpers/studio-timeline.ts';

type Line = {
  id: string;
  author: string;
  documentIDs: string[];
  effects: Record<string, { apply: unknown; revert: unknown }>;
};

let t: TestLake;
let importId: string;
let sourceDir: string;
const story = (id: string, headline: string) => ({
  _id: id,
  _type: 'story',
  headline,
  slug: { _type: 'slug', current: id },
  publishedAt: '2012-05-29T12:00:00Z',
});

beforeAll(async () => {
  t = await startTestLake();
  sourceDir = tempDir('history-import-');
  const source = join(sourceDir, 'stories.ndjson');
  const documents = [
    story('imported', 'Iran says soft-war attacks will fail'),
    story('edited-after', 'Oil output steady'),
    // An export taken while an editor had unpublished changes: the draft comes along.
    story('with-draft', 'Talks resume'),
    { ...story('with-draft', 'Talks resume in Vienna'), _id: 'drafts.with-draft' },
  ];
  writeFileSync(source, documents.map((doc) => JSON.stringify(doc)).join('\n'));
  // Four small documents: one batch, so one transaction.
  const [only, ...more] = (await t.lake.import(source)).transactionIds;
  expect(more).toEqual([]);
  importId = only as string;
  const editor = studioClient(t, t.tokens.editor);
  // The Studio's first edit copies the published document into a draft, then patches it.
  await editor.create({ ...story('edited-after', 'Oil output steady'), _id: 'drafts.edited-after' });
  await editor.patch('drafts.edited-after').set({ headline: 'Oil output falls' }).commit();
});
afterAll(async () => {
  await t.close();
  rmSync(sourceDir, { recursive: true, force: true });
});

/** What the Studio's timeline asks for when a document opens. */
async function timelineLines(publishedId: string): Promise<Line[]> {
  const query =
    'effectFormat=mendoza&excludeContent=true&excludeMutations=true&includeIdentifiedDocumentsOnly=true&reverse=true&limit=50';
  const response = await t.fetch(
    `/v${API_VERSION}/data/history/production/transactions/${publishedId},drafts.${publishedId}?${query}`,
    { headers: { authorization: `Bearer ${t.tokens.viewer}` } },
  );
  expect(response.status).toBe(200);
  return (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}

describe('the history of an imported document', () => {
  it('records the import as a publish: the published document written, its draft (there was none) gone', async () => {
    const [line, ...older] = await timelineLines('imported');
    expect(older).toEqual([]);
    expect(line).toMatchObject({ id: importId, author: 'import', documentIDs: ['drafts.imported', 'imported'] });
    expect(line?.effects['drafts.imported']).toEqual({ apply: [0, null], revert: [0, null] });
    expect(line?.effects.imported?.revert).toEqual([0, null]);
  });

  it('shows the Studio one publish, with nothing to review', async () => {
    const { timeline, controller, failure } = await openTimeline(t, 'imported', 'story');
    expect(failure()).toBeUndefined();
    expect(timeline.mapChunks((chunk) => [chunk.type, [...chunk.authors]])).toEqual([
      ['publish', ['import']],
      ['initial', ['import']],
    ]);
    // What the status bar's "Review changes" opens: the changes since the last publish.
    controller.setRange('@lastPublished', null);
    expect(controller.selectionState).toBe('range');
    expect(changedFields(controller)).toEqual([]);
  });

  it('reviews an edit made after the import on its own', async () => {
    const { controller, failure } = await openTimeline(t, 'edited-after', 'story');
    controller.setRange('@lastPublished', null);
    expect(failure()).toBeUndefined();
    expect(changedFields(controller)).toEqual(['headline']);
  });

  it('never describes an imported draft as deleted', async () => {
    const [line] = await timelineLines('with-draft');
    expect(line?.effects['drafts.with-draft']?.revert).toEqual([0, null]);
    expect(line?.effects['drafts.with-draft']?.apply).not.toEqual([0, null]);
  });
});
