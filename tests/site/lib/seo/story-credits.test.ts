// Who a story names as its authors in JSON-LD and feeds: the bylines whose
// role writes, the rest as contributors, and every byline when none writes.
import { describe, expect, it } from 'vitest';
import type { StoryEntry } from '../../../../site/lib/content/story-entry.ts';
import { storyCredits } from '../../../../site/lib/seo/story-credits.ts';

type Byline = NonNullable<StoryEntry['bylines']>[number];

const byline = (name: string, role: Byline['role']): Byline => ({
  _key: `${name}-${role}`,
  role,
  person: { _id: `person-${name}`, _type: 'person', name, slug: { _type: 'slug', current: name } },
});
const names = (people: { name: string }[]) => people.map((p) => p.name);

describe.each([
  ['a reporter and a photographer', [byline('ann', 'Reporter'), byline('pat', 'Photographer')], ['ann'], ['pat']],
  ['a writer and an editor', [byline('ed', 'Editor'), byline('wes', 'Writer')], ['wes'], ['ed']],
  ['an analysis', [byline('ana', 'Analysis')], ['ana'], []],
  ['a reporter and a contributor', [byline('ann', 'Reporter'), byline('cy', 'Contributor')], ['ann', 'cy'], []],
  ['an editor alone', [byline('ed', 'Editor')], ['ed'], []],
  [
    'a photographer and an editor, no writer',
    [byline('pat', 'Photographer'), byline('ed', 'Editor')],
    ['pat', 'ed'],
    [],
  ],
  ['one person as reporter and photographer', [byline('ann', 'Photographer'), byline('ann', 'Reporter')], ['ann'], []],
  ['no byline', undefined, [], []],
])('a story by %s', (_, bylines, authors, contributors) => {
  const credits = storyCredits({ bylines });

  it(`names ${authors.join(', ') || 'no one'} as authors`, () => {
    expect(names(credits.authors)).toEqual(authors);
  });

  it(`names ${contributors.join(', ') || 'no one'} as contributors`, () => {
    expect(names(credits.contributors)).toEqual(contributors);
  });
});
