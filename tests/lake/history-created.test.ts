// A story's first revision in the Studio's History (sanity 6.9.2's legacy
// timeline, which studio/sanity.config.ts selects), read over HTTP with the
// Studio's own Timeline classes. The Studio builds the entry it labels
// "Created" itself, with no request: it is the state before the first
// transaction it was given, which is nothing for a story whose whole history
// the lake keeps, so selecting it shows "We couldn't find the document revision
// selected" (on hosted Sanity too, with this timeline). The story as it was
// created is the entry of its creating transaction, the oldest one above
// "Created", which studio/README.md points editors to.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake, tempDir } from '../helpers/lake.ts';
import { openTimeline, studioClient } from '../helpers/studio-timeline.ts';

let t: TestLake;
let sourceDir: string;
const story = (id: string, headline: string) => ({ _id: id, _type: 'story', headline });

/** An edit published as the Studio does it: the edit action starts a draft, the publish action publishes it. */
async function editAndPublish(id: string, headline: string): Promise<void> {
  const editor = studioClient(t, t.tokens.editor);
  const ids = { draftId: `drafts.${id}`, publishedId: id };
  await editor.action({ actionType: 'sanity.action.document.edit', ...ids, patch: { set: { headline } } });
  await editor.action({ actionType: 'sanity.action.document.publish', ...ids });
}

beforeAll(async () => {
  t = await startTestLake();
  sourceDir = tempDir('history-created-');
  const editor = studioClient(t, t.tokens.editor);
  // Created by an import, as content/ is.
  writeFileSync(join(sourceDir, 'stories.ndjson'), JSON.stringify(story('imported', 'As imported')));
  await t.lake.import(join(sourceDir, 'stories.ndjson'));
  // Created in the Studio: a draft, then published.
  await editor.action({
    actionType: 'sanity.action.document.create',
    publishedId: 'drafted',
    attributes: story('drafts.drafted', 'As drafted'),
    ifExists: 'fail',
  });
  await editor.action({
    actionType: 'sanity.action.document.publish',
    draftId: 'drafts.drafted',
    publishedId: 'drafted',
  });
  // Created published through the API, then patched there.
  await editor.create(story('posted', 'As posted'));
  await editor.patch('posted').set({ headline: 'As posted, patched' }).commit();
  for (const id of ['imported', 'drafted', 'posted']) {
    await editAndPublish(id, `${id}: first edit`);
    await editAndPublish(id, `${id}: second edit`);
  }
});
afterAll(async () => {
  await t.close();
  rmSync(sourceDir, { recursive: true, force: true });
});

describe.each([
  { how: 'by an import', id: 'imported', earliest: [['publish', 'As imported']] },
  {
    how: 'as a draft, then published',
    id: 'drafted',
    earliest: [
      ['editDraft', 'As drafted'],
      ['publish', 'As drafted'],
    ],
  },
  {
    how: 'published through the API',
    id: 'posted',
    earliest: [
      ['editLive', 'As posted'],
      ['editLive', 'As posted, patched'],
    ],
  },
])('the History of a story created $how', ({ id, earliest }) => {
  it('shows it as created at its oldest revision, every later one as it was, and nothing under "Created"', async () => {
    const { timeline, controller, failure } = await openTimeline(t, id, 'story');
    expect(failure()).toBeUndefined();
    // Oldest first: what selecting each entry of the History shows as the headline.
    const shown = timeline
      .mapChunks((chunk) => {
        controller.setRange(null, timeline.createTimeId(chunk));
        const displayed = controller.displayed() as { headline?: string } | null;
        return [chunk.type, displayed?.headline ?? null];
      })
      .reverse();
    expect(shown).toEqual([
      ['initial', null],
      ...earliest,
      ['editDraft', `${id}: first edit`],
      ['publish', `${id}: first edit`],
      ['editDraft', `${id}: second edit`],
      ['publish', `${id}: second edit`],
    ]);
  });
});
