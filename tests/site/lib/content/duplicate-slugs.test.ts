import { describe, expect, it } from 'vitest';
import { slugClashes, slugClashProblem } from '../../../../site/lib/content/duplicate-slugs.ts';

const claim = (_id: string, slug: string, publishedAt: string) => ({ _id, slug, publishedAt });

describe('slugClashes', () => {
  const first = claim('story-z', 'levy', '2024-03-01T09:00:00Z');
  const later = claim('story-a', 'levy', '2024-03-02T09:00:00Z');

  it('leaves the slug to the first published story, whatever order the stories come in', () => {
    for (const claims of [
      [first, later],
      [later, first],
    ]) {
      expect(slugClashes(claims, new Set(['story-z', 'story-a']))).toEqual([{ story: later, keeper: first }]);
    }
  });

  it('compares times, not how they are written', () => {
    const earlierInAnotherZone = claim('story-b', 'levy', '2024-03-01T10:00:00+02:00');
    expect(slugClashes([first, earlierInAnotherZone], new Set(['story-z', 'story-b']))).toEqual([
      { story: first, keeper: earlierInAnotherZone },
    ]);
  });

  it('of two published at the same moment, leaves it to the first by id', () => {
    const twin = claim('story-y', 'levy', first.publishedAt);
    expect(slugClashes([first, twin], new Set(['story-z', 'story-y']))).toEqual([{ story: first, keeper: twin }]);
  });

  it('reports every story past the first when three share a slug', () => {
    const third = claim('story-c', 'levy', '2024-03-03T09:00:00Z');
    const live = new Set(['story-z', 'story-a', 'story-c']);
    expect(slugClashes([third, later, first], live).map((c) => [c.story._id, c.keeper._id])).toEqual([
      ['story-a', 'story-z'],
      ['story-c', 'story-z'],
    ]);
  });

  it('lets a story keep its slug when the other one is no longer live', () => {
    expect(slugClashes([first, later], new Set(['story-a']))).toEqual([]);
  });

  it('tells the editor which story keeps the slug and what to do', () => {
    expect(slugClashProblem({ story: later, keeper: first })).toBe(
      '"levy" is also the slug of story "story-z", which keeps it as the first published; give this story a slug of its own',
    );
  });
});
