// Contributors named in front matter. `{person: Name}` makes a person document
// (`person-<slug>`, with a page on the site) and references it; `{name: Name}`
// prints the name as typed. Bylines always reference a person document.
import { convertError } from './errors.ts';
import type { Contributor, PendingPerson, PhotoCredit } from './export-shapes.ts';
import type { ContributorInput, CreditInput, FieldLocator, FieldPath } from './front-matter.ts';
import { personId, type Reference, reference } from './ids.ts';
import { nameSlugField } from './name-slug.ts';
import type { ConvertWarning } from './warnings.ts';

/** Each takes the front matter field the name is in, so errors and warnings give its line. */
export interface People {
  /** The person documents referenced so far, by id. */
  readonly documents: Map<string, PendingPerson>;
  person(name: string, field: FieldPath): Reference;
  contributor(input: ContributorInput, field: FieldPath): Contributor;
  credit(input: CreditInput, field: FieldPath): PhotoCredit;
}

export interface PeopleOptions {
  /** The file and line of a front matter field. */
  locate: FieldLocator;
  /** Receives a `SlugGenerated` warning for each person whose slug had to be generated. */
  warnings: ConvertWarning[];
}

export function createPeople({ locate, warnings }: PeopleOptions): People {
  const documents = new Map<string, PendingPerson>();
  const people: People = {
    documents,
    person(name, field) {
      const _id = personId(name);
      const known = documents.get(_id);
      // Two spellings under one id ("Пётр" and "Петр") would silently become one
      // person; across files the export set reports the same as a conflict.
      if (known && known.name !== name) {
        throw convertError('ConflictingDocument', [_id, `The person "${known.name}" in this file`], locate(field));
      }
      if (!known) {
        const slug = nameSlugField('person', name, locate(field), warnings);
        documents.set(_id, { _id, _type: 'person', name, slug });
      }
      return reference(_id);
    },
    contributor(input, field) {
      return input.person ? { person: people.person(input.person, [...field, 'person']) } : { name: input.name ?? '' };
    },
    credit(input, field) {
      return {
        ...(input.photographer
          ? { photographer: people.contributor(input.photographer, [...field, 'photographer']) }
          : {}),
        ...(input.agencies?.length ? { agencies: input.agencies } : {}),
        ...(input.rightsNote ? { rightsNote: input.rightsNote } : {}),
      };
    },
  };
  return people;
}
