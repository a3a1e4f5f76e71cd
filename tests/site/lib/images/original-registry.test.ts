import { beforeEach, describe, expect, it } from 'vitest';
import {
  requiredOriginals,
  requireOriginalsIn,
  resetOriginals,
} from '../../../../site/lib/images/original-registry.ts';

describe('the image originals the content shows', () => {
  beforeEach(() => resetOriginals());

  it('finds image assets at any depth, by _id or _ref, and nothing else', () => {
    requireOriginalsIn([
      {
        _id: 'story-1',
        heroPhoto: { asset: { _id: 'image-3f786850e387550fdab836ed7e6dc881de23001b-1200x800-jpg' } },
        body: [
          { _type: 'photo', asset: { _ref: 'image-aaaa-640x480-png' } },
          { _type: 'block', children: [] },
        ],
        section: { _ref: 'section-world' },
        file: { asset: { _ref: 'file-bbbb-pdf' } },
      },
      { portrait: { asset: { _id: 'image-3f786850e387550fdab836ed7e6dc881de23001b-1200x800-jpg' } } },
    ]);
    expect([...requiredOriginals()].sort()).toEqual([
      'image-3f786850e387550fdab836ed7e6dc881de23001b-1200x800-jpg',
      'image-aaaa-640x480-png',
    ]);
  });
});
