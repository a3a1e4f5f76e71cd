// The Photos desk's query and join, against a real lake: each asset once,
// with the credit lines it is printed under and what an editor should fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PHOTO_LIBRARY_QUERY,
  PHOTO_USING_TYPES,
  type PhotoRow,
  photoRows,
} from '../../studio/photos/photo-library-query.ts';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

const asset = (n: number, createdAt: string) => ({
  _id: `image-${String(n).repeat(40)}-1200x800-jpg`,
  _type: 'sanity.imageAsset',
  _createdAt: createdAt,
  originalFilename: `photo-${n}.jpg`,
  metadata: { dimensions: { width: 1200, height: 800, aspectRatio: 1.5 } },
});
const ref = (id: string) => ({ _type: 'reference', _ref: id });
const photo = (assetId: string, extra: Record<string, unknown>) => ({ _type: 'photo', asset: ref(assetId), ...extra });

describe('the Photos desk', () => {
  let lake: TestLake;
  let rows: PhotoRow[];
  const [credited, uncredited, unused, recredited] = [
    asset(1, '2026-01-01T00:00:00Z'),
    asset(2, '2026-01-02T00:00:00Z'),
    asset(3, '2026-01-03T00:00:00Z'),
    asset(4, '2025-12-31T00:00:00Z'),
  ];
  const reuters = { alt: 'Oil tanker', credit: { agencies: ['Reuters'] } };

  beforeAll(async () => {
    lake = await startTestLake();
    lake.lake.seed('production', [
      credited,
      uncredited,
      unused,
      recredited,
      { _id: 'person-atta', _type: 'person', name: 'Atta Kenare' },
      {
        _id: 'story-1',
        _type: 'story',
        headline: 'Cyber attacks will fail',
        heroPhoto: photo(credited._id, {
          alt: 'A spokesman at a lectern',
          credit: { photographer: { person: ref('person-atta') }, agencies: ['AFP', 'Getty Images'] },
        }),
        body: [
          { _type: 'block', _key: 'a', children: [{ _type: 'span', text: 'Text' }] },
          photo(credited._id, { _key: 'b', alt: 'The same photo', credit: { agencies: ['Reuters'] } }),
        ],
      },
      // A draft that is newer than anything published: the desk shows what editors are working on.
      {
        _id: 'drafts.story-2',
        _type: 'story',
        headline: 'Draft with a bare photo',
        heroPhoto: photo(uncredited._id, {}),
      },
      // Published with one credit, and a draft changing it: readers still see the first.
      { _id: 'story-3', _type: 'story', headline: 'Tanker seized', heroPhoto: photo(recredited._id, reuters) },
      {
        _id: 'drafts.story-3',
        _type: 'story',
        headline: 'Tanker seized',
        heroPhoto: photo(recredited._id, { ...reuters, credit: { agencies: ['AFP'] } }),
      },
      // Published, and a draft that uses the photo alike (it changed something else): one use.
      { _id: 'story-4', _type: 'story', headline: 'Tanker freed', heroPhoto: photo(recredited._id, reuters) },
      { _id: 'drafts.story-4', _type: 'story', headline: 'Tanker freed', heroPhoto: photo(recredited._id, reuters) },
      {
        _id: 'person-ed',
        _type: 'person',
        name: 'Ed Itor',
        portrait: photo(uncredited._id, { alt: 'Ed', credit: { photographer: { name: 'Staff' } } }),
      },
    ]);
    const result = await lake.viewer.fetch(PHOTO_LIBRARY_QUERY, { types: PHOTO_USING_TYPES }, { perspective: 'raw' });
    rows = photoRows(result);
  });
  afterAll(() => lake?.close());

  it('lists every image asset once, newest first', () => {
    expect(rows.map((r) => r.filename)).toEqual(['photo-3.jpg', 'photo-2.jpg', 'photo-1.jpg', 'photo-4.jpg']);
  });

  it('prints each distinct credit line, with the photographer looked up from People', () => {
    const row = rows.find((r) => r.assetId === credited._id);
    expect(row?.credits).toEqual(['Photographer: Atta Kenare/AFP/Getty Images', 'Source: Reuters']);
    expect(row?.uses.map((u) => u.title)).toEqual(['Cyber attacks will fail', 'Cyber attacks will fail']);
    expect(row?.problems).toEqual(['Credited differently in different places']);
  });

  it('flags a use with no credit or no alt text, naming the document, drafts included', () => {
    const row = rows.find((r) => r.assetId === uncredited._id);
    expect(row?.uses.map((u) => u.title).sort()).toEqual(['Draft with a bare photo', 'Ed Itor']);
    expect(row?.problems).toEqual(
      expect.arrayContaining(['No credit in “Draft with a bare photo”', 'No alt text in “Draft with a bare photo”']),
    );
    expect(row?.credits).toEqual(['Photographer: Staff']);
  });

  it('keeps the credit readers see beside the one a draft gives, each marked with its version', () => {
    const row = rows.find((r) => r.assetId === recredited._id);
    expect(row?.credits).toEqual(['Source: Reuters', 'Source: AFP']);
    expect(row?.uses.map((u) => u.title)).toEqual([
      'Tanker seized (published)',
      'Tanker freed',
      'Tanker seized (draft)',
    ]);
    expect(row?.uses.map((u) => u.documentId)).toEqual(['story-3', 'story-4', 'story-3']);
    expect(row?.problems).toEqual(['Credited differently in different places']);
  });

  it('shows an unused asset with no credit and nothing to fix', () => {
    const row = rows.find((r) => r.assetId === unused._id);
    expect(row).toMatchObject({ uses: [], credits: [], problems: [] });
  });
});
