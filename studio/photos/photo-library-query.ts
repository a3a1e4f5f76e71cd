// The Photos desk: each image asset once, with the credits it is printed
// under. Credits belong to each use of a photo (the `photo` object on a story
// or a person carries alt text, caption and credit), not to the uploaded file,
// so the library gathers them from the documents that use each asset and
// flags an asset used without a credit, or credited differently in two places.
import { z } from 'zod';
import { creditLine } from '../../schemas/photo-credit.ts';

/** How many of the newest assets the library shows. */
export const PHOTO_LIBRARY_LIMIT = 100;

/** Document types whose photos the library looks at. */
export const PHOTO_USING_TYPES = ['story', 'person'];

// One query, two parts: the newest assets, and the documents that reference
// any of them. The asset-id subquery reads neither @ nor ^, so a lake (or
// Sanity) evaluates it once rather than per document.
export const PHOTO_LIBRARY_QUERY = /* groq */ `{
  "assets": *[_type == "sanity.imageAsset"] | order(_createdAt desc) [0...${PHOTO_LIBRARY_LIMIT}] {
    _id, originalFilename, "width": metadata.dimensions.width, "height": metadata.dimensions.height
  },
  "uses": *[_type in $types && references(*[_type == "sanity.imageAsset"] | order(_createdAt desc) [0...${PHOTO_LIBRARY_LIMIT}]._id)] {
    _id, _type, "title": coalesce(headline, name),
    "photos": [heroPhoto, portrait, ...body[_type == "photo"]][defined(asset._ref)] {
      "assetId": asset._ref, alt,
      "photographer": coalesce(credit.photographer.person->name, credit.photographer.name),
      "agencies": credit.agencies
    }
  }
}`;

/** What the listener watches: any asset or any document that may use one. */
export const PHOTO_LIBRARY_LISTEN = '*[_type == "sanity.imageAsset" || _type in $types]';

const libraryResult = z.object({
  assets: z.array(
    z.object({
      _id: z.string(),
      originalFilename: z.string().nullish(),
      width: z.number().nullish(),
      height: z.number().nullish(),
    }),
  ),
  uses: z.array(
    z.object({
      _id: z.string(),
      _type: z.string(),
      title: z.string().nullish(),
      photos: z
        .array(
          z.object({
            assetId: z.string(),
            alt: z.string().nullish(),
            photographer: z.string().nullish(),
            agencies: z.array(z.string()).nullish(),
          }),
        )
        .nullish(),
    }),
  ),
});

export type PhotoUse = {
  /** Unique within a row: a document may use one image twice (hero and body). */
  key: string;
  documentId: string;
  documentType: string;
  title: string;
  credit: string;
  alt: string;
};

export type PhotoRow = {
  assetId: string;
  filename: string;
  width?: number;
  height?: number;
  /** Distinct printed credit lines, in the order the uses were found. */
  credits: string[];
  uses: PhotoUse[];
  /** What an editor should fix, in words. */
  problems: string[];
};

/** Joins the query's two parts into one row per asset. Untrusted: parsed with zod. */
export function photoRows(result: unknown): PhotoRow[] {
  const { assets, uses } = libraryResult.parse(result);
  const usesByAsset = new Map<string, PhotoUse[]>();
  for (const doc of uses) {
    for (const [index, photo] of (doc.photos ?? []).entries()) {
      const use: PhotoUse = {
        key: `${doc._id}#${index}`,
        documentId: doc._id,
        documentType: doc._type,
        title: doc.title?.trim() || 'Untitled',
        credit: creditLine({ photographerName: photo.photographer ?? undefined, agencies: photo.agencies ?? [] }),
        alt: photo.alt?.trim() ?? '',
      };
      usesByAsset.set(photo.assetId, [...(usesByAsset.get(photo.assetId) ?? []), use]);
    }
  }
  return assets.map((asset) => {
    const assetUses = usesByAsset.get(asset._id) ?? [];
    const credits = [...new Set(assetUses.map((u) => u.credit).filter(Boolean))];
    return {
      assetId: asset._id,
      filename: asset.originalFilename ?? asset._id,
      width: asset.width ?? undefined,
      height: asset.height ?? undefined,
      credits,
      uses: assetUses,
      problems: problemsOf(assetUses, credits),
    };
  });
}

function problemsOf(uses: PhotoUse[], credits: string[]): string[] {
  const problems = uses.filter((u) => !u.credit).map((u) => `No credit in “${u.title}”`);
  problems.push(...uses.filter((u) => !u.alt).map((u) => `No alt text in “${u.title}”`));
  if (credits.length > 1) problems.push('Credited differently in different places');
  return problems;
}
