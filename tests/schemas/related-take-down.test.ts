// Taking down a story that other stories list as related. The Studio writes a
// reference the way its schema type says (`weak: true` → `_weak: true`), and
// Content Lake refuses to unpublish or delete a document another one refers
// to strongly. Related stories are often listed both ways, so strong ones
// could keep a story up that the newsroom must take down now. The site drops
// a related story that is gone (clean-values.ts), so the reference need not
// hold it up.
import { type ArraySchemaType, createSchema, type ObjectSchemaType } from 'sanity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaTypes } from '../../schemas/index.ts';
import { storyByIdQuery, storyResult } from '../../schemas/queries/story.ts';
import { cleanValues } from '../../site/lib/content/clean-values.ts';
import { startTestLake, type TestLake } from '../helpers/lake.ts';
import { paragraph } from '../site/support/seed-with.ts';

const schema = createSchema({ name: 'default', types: schemaTypes });

/** A reference to `id` as the Studio's reference input writes it for the story's related stories. */
function relatedReference(id: string, key: string) {
  const story = schema.get('story') as ObjectSchemaType | undefined;
  const related = story?.fields.find((f) => f.name === 'related')?.type as ArraySchemaType | undefined;
  const member = related?.of[0] as { weak?: boolean } | undefined;
  return { _type: 'reference', _key: key, _ref: id, ...(member?.weak ? { _weak: true } : {}) };
}

const story = (id: string, related: string) => ({
  _id: id,
  _type: 'story',
  headline: `Story ${id}`,
  slug: { _type: 'slug', current: id },
  section: { _type: 'reference', _ref: 'section-technology' },
  publishedAt: '2026-04-01T09:00:00Z',
  body: [paragraph('p1', `The words of ${id}.`)],
  related: [relatedReference(related, 'r1')],
});

describe('a story listed as related by another', () => {
  let t: TestLake;
  beforeAll(async () => {
    t = await startTestLake();
    await t.editor.create({ _id: 'section-technology', _type: 'section', name: 'Technology', slug: { current: 't' } });
    // Each lists the other, as editors of two stories on one subject do.
    await t.editor.transaction().create(story('story-a', 'story-b')).create(story('story-b', 'story-a')).commit();
  });
  afterAll(() => t?.close());

  it('can be unpublished in the Studio, and the other story stays valid without it', async () => {
    await t.editor.action({
      actionType: 'sanity.action.document.unpublish',
      draftId: 'drafts.story-a',
      publishedId: 'story-a',
    });
    expect(await t.editor.getDocument('story-a')).toBeUndefined();
    const other = await t.editor.fetch(storyByIdQuery, { id: 'story-b' }, { perspective: 'published' });
    expect(storyResult.parse(cleanValues(other)).related).toEqual([]);
  });

  it('can be deleted in the Studio', async () => {
    await t.editor.action({ actionType: 'sanity.action.document.delete', publishedId: 'story-b', includeDrafts: [] });
    expect(await t.editor.getDocument('story-b')).toBeUndefined();
  });
});
