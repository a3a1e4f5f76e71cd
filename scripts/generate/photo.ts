// A credited photo from the pool: alt text from the picture's scene, a caption,
// and a credit mixing staff photographers (person references), freelancers
// (names) and agencies, as real credits do.
import type { PendingPhoto, PhotoCredit } from '../convert/export-shapes.ts';
import { sanityAsset } from '../convert/export-shapes.ts';
import { reference } from '../convert/ids.ts';
import type { PoolImage } from './image-pool.ts';
import type { Random } from './random.ts';
import { personName, sentence } from './text.ts';
import { agencies } from './vocabulary.ts';

function credit(r: Random, staff: readonly string[]): PhotoCredit {
  const roll = r.next();
  if (roll < 0.4 && staff.length > 0) {
    const photographer = { person: reference(r.pick(staff)) };
    return r.chance(0.3) ? { photographer, agencies: [r.pick(agencies)] } : { photographer };
  }
  const wire = r.sample(agencies, r.int(1, 2));
  if (roll < 0.75) return { photographer: { name: personName(r) }, agencies: wire };
  return r.chance(0.2) ? { agencies: wire, rightsNote: 'Editorial use only' } : { agencies: wire };
}

/** `staff` are person ids that may be credited as photographer. */
export function photo(r: Random, images: readonly PoolImage[], staff: readonly string[]): PendingPhoto {
  const image = r.pick(images);
  const caption = r.chance(0.85) ? sentence(r) : undefined;
  return {
    _type: 'photo',
    _sanityAsset: sanityAsset(image.name),
    alt: image.scene,
    ...(caption ? { caption } : {}),
    credit: credit(r, staff),
  };
}
