// The Photos desk: each image asset once, with the credits it is printed
// under. Credits belong to each use of a photo (the `photo` object on a story
// or a person carries alt text, caption and credit), not to the uploaded file,
// so the library gathers them from the documents that use each asset and
// flags an asset used without a credit, or credited differently in two places.
//
// It reads published documents and drafts alike (the `raw` perspective): the
// published version is what readers are shown, the draft what is about to
// be. A draft that uses a photo as its published version does is one use;
// where they differ, both are listed, marked "published" and "draft", so a
// credit changed in a draft does not hide the one still printed on the site.
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
  "uses": *[_type in $types && !(_id in path("versions.**")) && references(*[_type == "sanity.imageAsset"] | order(_createdAt desc) [0...${PHOTO_LIBRARY_LIMIT}]._id)] {
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
  /** The published id, which opens the document (draft and published) in the Studio. */
  documentId: string;
  documentType: string;
  /** The document's title, marked "(published)" or "(draft)" where its two versions use the photo differently. */
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

type Version = 'published' | 'draft';
type VersionedUse = PhotoUse & { version: Version };

const DRAFT_PREFIX = 'drafts.';

/** Joins the query's two parts into one row per asset. Untrusted: parsed with zod. */
export function photoRows(result: unknown): PhotoRow[] {
  const { assets, uses } = libraryResult.parse(result);
  const usesByAsset = new Map<string, VersionedUse[]>();
  for (const doc of uses) {
    const version: Version = doc._id.startsWith(DRAFT_PREFIX) ? 'draft' : 'published';
    for (const [index, photo] of (doc.photos ?? []).entries()) {
      const use: VersionedUse = {
        key: `${doc._id}#${index}`,
        documentId: version === 'draft' ? doc._id.slice(DRAFT_PREFIX.length) : doc._id,
        documentType: doc._type,
        title: doc.title?.trim() || 'Untitled',
        credit: creditLine({ photographerName: photo.photographer ?? undefined, agencies: photo.agencies ?? [] }),
        alt: photo.alt?.trim() ?? '',
        version,
      };
      usesByAsset.set(photo.assetId, [...(usesByAsset.get(photo.assetId) ?? []), use]);
    }
  }
  return assets.map((asset) => {
    const assetUses = distinctUses(usesByAsset.get(asset._id) ?? []);
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

/**
 * One asset's uses, published ones first: a draft's use that its published
 * version makes alike (same credit and alt text) is dropped, and a document
 * left with uses in both versions has each marked with its version.
 */
function distinctUses(uses: VersionedUse[]): PhotoUse[] {
  const published = uses.filter((u) => u.version === 'published');
  const alike = (a: VersionedUse, b: VersionedUse) =>
    a.documentId === b.documentId && a.credit === b.credit && a.alt === b.alt;
  const drafts = uses.filter((u) => u.version === 'draft' && !published.some((p) => alike(p, u)));
  const kept = [...published, ...drafts];
  const inBoth = new Set(
    drafts.filter((d) => published.some((p) => p.documentId === d.documentId)).map((d) => d.documentId),
  );
  return kept.map(({ version, ...use }) =>
    inBoth.has(use.documentId) ? { ...use, title: `${use.title} (${version})` } : use,
  );
}

function problemsOf(uses: PhotoUse[], credits: string[]): string[] {
  const problems = uses.filter((u) => !u.credit).map((u) => `No credit in “${u.title}”`);
  problems.push(...uses.filter((u) => !u.alt).map((u) => `No alt text in “${u.title}”`));
  if (credits.length > 1) problems.push('Credited differently in different places');
  return problems;
}
