// The fixed cast of a synthetic newsroom: its sections, its staff (about one
// person per 50 stories, at least 5) and the photos it can use.

import { slugify } from '../../schemas/slugify.ts';
import type { PendingPerson, Section } from '../convert/export-shapes.ts';
import { personId, sectionId } from '../convert/ids.ts';
import type { PoolImage } from './image-pool.ts';
import { photo } from './photo.ts';
import type { Random } from './random.ts';
import { personName, sentences } from './text.ts';
import { sections as sectionList, staffTitles } from './vocabulary.ts';

export interface Newsroom {
  sections: Section[];
  people: PendingPerson[];
  images: readonly PoolImage[];
}

export function staffSize(stories: number): number {
  return Math.max(5, Math.round(stories / 50));
}

function uniqueNames(r: Random, count: number): string[] {
  const names = new Set<string>();
  for (let attempt = 0; names.size < count; attempt++) {
    const name = personName(r);
    names.add(attempt < count * 20 || !names.has(name) ? name : `${name} ${names.size}`);
  }
  return [...names];
}

export function createNewsroom(r: Random, stories: number, images: readonly PoolImage[]): Newsroom {
  const sections = sectionList.map(
    ({ name, description }): Section => ({
      _id: sectionId(name),
      _type: 'section',
      name,
      slug: { _type: 'slug', current: slugify(name) },
      description,
    }),
  );
  const names = uniqueNames(r, staffSize(stories));
  const people = names.map((name, i): PendingPerson => {
    const person: PendingPerson = {
      _id: personId(name),
      _type: 'person',
      name,
      slug: { _type: 'slug', current: slugify(name, 60) },
      title: r.pick(staffTitles),
    };
    if (r.chance(0.6)) person.bio = sentences(r, 2);
    // Portraits are credited to colleagues already created, or to agencies.
    if (r.chance(0.4)) person.portrait = photo(r, images, names.slice(0, i).map(personId));
    return person;
  });
  return { sections, people, images };
}
