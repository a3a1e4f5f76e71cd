// Big answers (a page of stories) are streamed as JSON pieces instead of one
// large string; the text must be exactly JSON.stringify's, and clients must
// read it as before.
import { describe, expect, it } from 'vitest';
import { jsonPieces, PIECE_CHARS } from '../../lake/http/json-pieces.ts';
import { startTestLake } from '../helpers/lake.ts';

const joined = (value: unknown, size?: number) => [...jsonPieces(value, size)].join('');

describe('jsonPieces', () => {
  it('writes exactly what JSON.stringify writes', () => {
    const values: unknown[] = [
      null,
      0,
      'text with "quotes" and \u2028',
      [],
      {},
      [1, undefined, () => 1, Symbol('s'), 'x'],
      { a: undefined, b: () => 1, c: [{ d: new Date(0), e: { f: [null, true] } }], 'we"ird': 1 },
      { result: Array.from({ length: 300 }, (_, i) => ({ _id: `story-${i}`, body: 'x'.repeat(i * 10) })), ms: 3 },
      Object.assign(Object.create(null), { x: 1 }),
      { toJSON: () => ({ replaced: true }) },
    ];
    for (const value of values) expect(joined(value, 64)).toBe(JSON.stringify(value));
  });

  it('cuts a big answer into pieces near the piece size', () => {
    const answer = { result: Array.from({ length: 2000 }, (_, i) => ({ _id: `story-${i}`, text: 'y'.repeat(500) })) };
    const pieces = [...jsonPieces(answer)];
    expect(pieces.length).toBeGreaterThan(10);
    // A piece ends once it reaches the size, so it is at most one member (~530 chars) over it.
    for (const piece of pieces) expect(piece.length).toBeLessThan(PIECE_CHARS + 1024);
  });
});

describe('a big query answer over HTTP', () => {
  it('is streamed without a length and read whole by @sanity/client', async () => {
    const t = await startTestLake();
    try {
      const tx = t.editor.transaction();
      for (let i = 0; i < 400; i++) tx.create({ _id: `story-${i}`, _type: 'story', text: `${i} `.repeat(200) });
      await tx.commit();
      const stories = await t.anonymous.fetch<{ _id: string; text: string }[]>('*[_type == "story"] | order(_id)');
      expect(stories).toHaveLength(400);
      expect(stories.find((s) => s._id === 'story-7')?.text).toBe('7 '.repeat(200));

      const query = encodeURIComponent('*[_type == "story"]');
      const big = await t.fetch(`/v2025-02-19/data/query/${t.lake.defaultDataset}?query=${query}`);
      expect(big.headers.get('content-length')).toBeNull();
      expect((await big.json()).result).toHaveLength(400);
      const small = await t.fetch(
        `/v2025-02-19/data/query/${t.lake.defaultDataset}?query=${encodeURIComponent('count(*)')}`,
      );
      expect(Number(small.headers.get('content-length'))).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
