// Who to credit for a photo, in the forms structured data wants: the printed
// line ("Photographer: Atta Kenare/AFP/Getty Images"), the credit text without
// the label, the creator, and the copyright holder (the first agency named,
// which is the one licensing the picture; the photographer when there is none).
import { creditLine } from '../../../schemas/photo-credit.ts';
import { contributorName } from '../../../schemas/queries/results.ts';
import type { PhotoResult } from '../../../schemas/queries/story.ts';

export type Party = { '@type': 'Person' | 'Organization'; name: string };

export type PhotoRights = { line: string; creditText: string; creator?: Party; copyrightHolder?: Party };

export function photoRights(photo: Pick<PhotoResult, 'credit'>): PhotoRights {
  const photographer = contributorName(photo.credit.photographer);
  const agencies = photo.credit.agencies?.filter((a) => a.trim()) ?? [];
  const line = creditLine({ photographerName: photographer, agencies });
  const creator: Party | undefined = photographer ? { '@type': 'Person', name: photographer } : undefined;
  const agency = agencies[0];
  return {
    line,
    creditText: [photographer, ...agencies].filter(Boolean).join('/'),
    creator,
    copyrightHolder: agency ? { '@type': 'Organization', name: agency } : creator,
  };
}
