// What the loader keeps of a rendered body besides its HTML: the first photo
// it shows, which pictures a story that has no hero photo (seo/card-photo.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoryResult } from '../../../../schemas/queries/story.ts';
import { renderStoryBody } from '../../../../site/lib/content/story-entry.ts';
import { stubImageHost } from '../../../helpers/image-host-env.ts';
import { block, photoOf, referenceBody } from '../portable-text/build-body.ts';

const photo = photoOf(referenceBody());
const story = (body: StoryResult['body']) => ({ _id: 'story-a', body }) as StoryResult;

describe('a rendered story body', () => {
  beforeEach(stubImageHost);

  it('records the first photo it shows', () => {
    const second = { ...photo, _key: 'second', alt: 'Another photo' };
    const rendered = renderStoryBody(story([block('Words.'), photo, second]), 'https://news.example');
    expect(rendered.body.firstPhoto).toEqual(photo);
  });

  it('records none when it shows no photo', () => {
    expect(renderStoryBody(story([block('Words.')]), 'https://news.example').body.firstPhoto).toBeUndefined();
  });
});
