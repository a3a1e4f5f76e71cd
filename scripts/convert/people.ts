// Contributors named in front matter. `{person: Name}` makes a person document
// (`person-<slug>`, with a page on the site) and references it; `{name: Name}`
// prints the name as typed. Bylines always reference a person document.
import { convertError } from './errors.ts';
import type { Contributor, PendingPerson, PhotoCredit } from './export-shapes.ts';
import type { ContributorInput, CreditInput } from './front-matter.ts';
import { personId, type Reference, reference } from './ids.ts';
import { slugify } from './slugify.ts';

export interface People {
  /** The person documents referenced so far, by id. */
  readonly documents: Map<string, PendingPerson>;
  person(name: string): Reference;
  contributor(input: ContributorInput): Contributor;
  credit(input: CreditInput): PhotoCredit;
}

export function createPeople(file?: string): People {
  const documents = new Map<string, PendingPerson>();
  const people: People = {
    documents,
    person(name) {
      const current = slugify(name, 60);
      if (!current)
        throw convertError('FrontMatterInvalid', [`person "${name}"`, 'no slug can be made from it'], { file });
      const _id = personId(name);
      if (!documents.has(_id)) documents.set(_id, { _id, _type: 'person', name, slug: { _type: 'slug', current } });
      return reference(_id);
    },
    contributor(input) {
      return input.person ? { person: people.person(input.person) } : { name: input.name ?? '' };
    },
    credit(input) {
      return {
        ...(input.photographer ? { photographer: people.contributor(input.photographer) } : {}),
        ...(input.agencies?.length ? { agencies: input.agencies } : {}),
        ...(input.rightsNote ? { rightsNote: input.rightsNote } : {}),
      };
    },
  };
  return people;
}
