import { describe, expect, it } from 'vitest';
import { storyResult } from '../../../../schemas/queries/story.ts';
import { cleanValues } from '../../../../site/lib/content/clean-values.ts';
import { documentProblems, fieldPath, studioLink } from '../../../../site/lib/content/document-problems.ts';

const validStory = {
  _id: 'story-a',
  _type: 'story',
  headline: 'A headline',
  slug: { current: 'a-headline' },
  section: { _id: 'section-tech', _type: 'section', name: 'Technology', slug: { current: 'technology' } },
  publishedAt: '2024-01-02T03:04:05Z',
  body: [{ _type: 'block', _key: 'p1', style: 'normal', children: [{ _type: 'span', text: 'Hi' }], markDefs: [] }],
};

describe('documentProblems', () => {
  it('names the document, its type, the field path by _key, and links to the Studio', () => {
    const broken = {
      ...validStory,
      body: [{ ...validStory.body[0], _key: 'p9', children: [{ _type: 'span', text: 42 }] }],
    };
    const result = storyResult.safeParse(broken);
    expect(result.success).toBe(false);
    if (result.success) return;
    const [problem] = documentProblems(broken, result.error, 'https://localhost:3333');
    expect(problem?.name).toBe('InvalidDocument');
    expect(problem?.message).toContain('Document "story-a" (story) is invalid at body[_key=="p9"].children[0].text');
    expect(problem?.message).toContain('https://localhost:3333/intent/edit/id=story-a;type=story/');
  });

  it('reports a missing required field by name', () => {
    const { headline: _, ...noHeadline } = validStory;
    const result = storyResult.safeParse(noHeadline);
    expect(result.success).toBe(false);
    if (result.success) return;
    const messages = documentProblems(noHeadline, result.error, undefined).map((p) => p.message);
    expect(messages).toEqual([expect.stringContaining('is invalid at headline:')]);
  });

  it('accepts the valid story, once GROQ nulls are dropped', () => {
    expect(storyResult.safeParse(cleanValues({ ...validStory, dek: null, heroPhoto: null })).success).toBe(true);
  });
});

describe('fieldPath', () => {
  it.each([
    [['headline'], 'headline'],
    [['bylines', 0, 'person'], 'bylines[0].person'],
    [[], '(document)'],
  ] as const)('%j → %s', (path, expected) => {
    expect(fieldPath({ bylines: [{}] }, path)).toBe(expected);
  });
});

describe('studioLink', () => {
  it('links drafts to their published id, because the Studio opens documents by published id', () => {
    expect(studioLink('https://studio.example/', 'drafts.story-a', 'story')).toBe(
      'https://studio.example/intent/edit/id=story-a;type=story/',
    );
  });
  it('gives no link when no Studio is configured', () => {
    expect(studioLink(undefined, 'x', 'story')).toBeUndefined();
  });
});
