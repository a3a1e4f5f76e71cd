// The mendoza effects the listener and the history send: for many random
// edits, applying `apply` to the document before gives the document after
// (with npm's mendoza decoders, the simple one the preview store uses and the
// incremental one the history timeline uses), and `revert` goes back.
import { applyPatch, incremental } from 'mendoza';
import { describe, expect, it } from 'vitest';
import { documentEffects } from '../../lake/listen/effects/document-effects.ts';
import { encodePatch } from '../../lake/listen/effects/encode-patch.ts';
import type { LakeDocument } from '../../lake/store/document.ts';
import { createRandom } from '../../scripts/generate/random.ts';

/** The generator's seeded PRNG, so a failing seed can be replayed; `int(n)` is in [0, n). */
function random(seed: number) {
  const r = createRandom(seed);
  return { next: r.next, int: (n: number) => r.int(0, n - 1), pick: r.pick };
}

type Rng = ReturnType<typeof random>;
const WORDS = ['a', 'news', 'Ünïcödé', 'emoji 🗞️ and 👩‍👩‍👧', '', 'Atta Kenare/AFP', 'é', '日本語', 'x'.repeat(40)];
const KEYS = ['title', 'dek', 'body', 'slug', 'meta', 'tags', 'count', 'live', 'b', 'Z', '_key2', 'ä'];

function value(rng: Rng, depth: number): unknown {
  const kind = rng.int(depth > 2 ? 4 : 7);
  if (kind === 0) return rng.pick(WORDS) + (rng.next() < 0.5 ? rng.pick(WORDS) : '');
  if (kind === 1) return rng.int(1000) - 500;
  if (kind === 2) return rng.next() < 0.5;
  if (kind === 3) return null;
  if (kind === 4) {
    const obj: Record<string, unknown> = {};
    for (let i = rng.int(4); i > 0; i--) obj[rng.pick(KEYS)] = value(rng, depth + 1);
    return obj;
  }
  if (kind === 5)
    return Array.from({ length: rng.int(5) }, (_, i) => ({ _key: `k${i}${rng.int(3)}`, text: value(rng, depth + 2) }));
  return Array.from({ length: rng.int(5) }, () => value(rng, depth + 1));
}

/** Changes one random place in a JSON value (set, delete, insert, reorder, edit text). */
function edit(rng: Rng, input: unknown, depth = 0): unknown {
  if (typeof input === 'string' && rng.next() < 0.7) {
    const at = rng.int(input.length + 1);
    const cut = rng.int(3);
    return input.slice(0, at) + (rng.next() < 0.7 ? rng.pick(WORDS) : '') + input.slice(at + cut);
  }
  if (Array.isArray(input) && rng.next() < 0.8) {
    const copy = [...input];
    const action = rng.int(4);
    if (action === 0 || copy.length === 0) copy.splice(rng.int(copy.length + 1), 0, value(rng, depth + 1));
    else if (action === 1) copy.splice(rng.int(copy.length), 1);
    else if (action === 2) copy.reverse();
    else {
      const i = rng.int(copy.length);
      copy[i] = edit(rng, copy[i], depth + 1);
    }
    return copy;
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && rng.next() < 0.85) {
    const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const action = rng.int(3);
    if (action === 0 || keys.length === 0) copy[rng.pick(KEYS)] = value(rng, depth + 1);
    else if (action === 1) delete copy[rng.pick(keys)];
    else {
      const key = rng.pick(keys);
      copy[key] = edit(rng, copy[key], depth + 1);
    }
    return copy;
  }
  return value(rng, depth);
}

function story(rng: Rng): LakeDocument {
  const doc: LakeDocument = {
    _id: `story-${rng.int(99)}`,
    _type: 'story',
    _rev: 'r1',
    _updatedAt: '2026-01-01T00:00:00.000Z',
  };
  for (let i = 1 + rng.int(6); i > 0; i--) doc[rng.pick(KEYS)] = value(rng, 0);
  return doc;
}

function viaIncremental(before: unknown, patch: unknown[]): unknown {
  return incremental.unwrap(incremental.applyPatch(incremental.wrap(before, 'a'), patch, 'b'));
}

describe('mendoza effects', () => {
  it('turn the document before into the one after and back, for 3,000 random edits', () => {
    const rng = random(20260504);
    for (let round = 0; round < 3000; round++) {
      const before = story(rng);
      let after = before as unknown;
      for (let n = 1 + rng.int(3); n > 0; n--) after = edit(rng, after);
      const next = { ...(after as LakeDocument), _id: before._id, _rev: 'r2', _updatedAt: '2026-01-02T00:00:00.000Z' };
      const { apply, revert } = documentEffects(before, next);
      const { _rev: r1, ...plainBefore } = before;
      const { _rev: r2, ...plainAfter } = next;
      const context = `round ${round}: ${JSON.stringify({ plainBefore, plainAfter, apply })}`;
      expect(applyPatch(plainBefore, apply), context).toStrictEqual(plainAfter);
      expect(applyPatch(plainAfter, revert), context).toStrictEqual(plainBefore);
      expect(viaIncremental(plainBefore, apply), context).toStrictEqual(plainAfter);
      expect(viaIncremental(plainAfter, revert), context).toStrictEqual(plainBefore);
    }
  });

  it('use the whole-value form for a document that appears or disappears, without _rev', () => {
    const doc: LakeDocument = { _id: 'a', _type: 'story', _rev: 'tx1', title: 'Hello' };
    expect(documentEffects(null, doc)).toEqual({
      apply: [0, { _id: 'a', _type: 'story', title: 'Hello' }],
      revert: [0, null],
    });
    expect(documentEffects(doc, null)).toEqual({
      apply: [0, null],
      revert: [0, { _id: 'a', _type: 'story', title: 'Hello' }],
    });
  });

  it('edit top-level fields one by one, indexing deletions by the sorted keys of the input', () => {
    const before = { _id: 'x', _type: 't', _updatedAt: 't1', dek: 'gone', title: 'Old' };
    const after = { _id: 'x', _type: 't', _updatedAt: 't2', title: 'New' };
    // The example studio-shapes.md checked by hand against mendoza 3.0.8.
    expect(encodePatch(before, after)).toEqual([19, 3, 17, 't2', '_updatedAt', 17, 'New', 'title']);
    expect(encodePatch(after, before)).toEqual([17, 't1', '_updatedAt', 17, 'gone', 'dek', 17, 'Old', 'title']);
  });

  it('copy unchanged text and Portable Text blocks instead of resending them', () => {
    const body = Array.from({ length: 20 }, (_, i) => ({
      _key: `b${i}`,
      _type: 'block',
      text: `Paragraph ${i} `.repeat(8),
    }));
    const before = { _id: 's', body, headline: 'Iran says the talks will go on — “various measures”' };
    const changed = body.map((block, i) => (i === 7 ? { ...block, text: `${block.text}!` } : block));
    const after = { _id: 's', body: changed, headline: 'Iran says the talks will go on — “various measures” today' };
    const patch = encodePatch(before, after);
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(after).length / 4);
    expect(patch).toContain(21); // ArrayAppendSlice: the 19 untouched blocks
    expect(patch).toContain(23); // StringAppendSlice: the untouched text
    expect(applyPatch(before, patch)).toStrictEqual(after);
  });
});
