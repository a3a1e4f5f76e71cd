import type { LakeDocument } from '../store/document.ts';
import type { ImageFacts } from './image-metadata.ts';

export type StoredFile = { sha1: string; size: number; originalFilename: string | undefined };

export type AssetLocation = { projectId: string; dataset: string; publicUrl: string };

export function isAssetDocument(doc: LakeDocument): boolean {
  return doc._type === 'sanity.imageAsset' || doc._type === 'sanity.fileAsset';
}

/** `sanity.imageAsset` as Sanity writes it: id `image-<sha1>-<w>x<h>-<ext>`. */
export function imageAssetDocument(file: StoredFile, facts: ImageFacts, at: AssetLocation): LakeDocument {
  const name = `${file.sha1}-${facts.width}x${facts.height}.${facts.extension}`;
  const path = `images/${at.projectId}/${at.dataset}/${name}`;
  return {
    _id: `image-${file.sha1}-${facts.width}x${facts.height}-${facts.extension}`,
    _type: 'sanity.imageAsset',
    assetId: file.sha1,
    extension: facts.extension,
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: {
        _type: 'sanity.imageDimensions',
        aspectRatio: facts.width / facts.height,
        height: facts.height,
        width: facts.width,
      },
      hasAlpha: facts.hasAlpha,
      isOpaque: facts.isOpaque,
      lqip: facts.lqip,
    },
    mimeType: facts.mimeType,
    ...(file.originalFilename ? { originalFilename: file.originalFilename } : {}),
    path,
    sha1hash: file.sha1,
    size: file.size,
    url: `${at.publicUrl}/${path}`,
  };
}

/** `sanity.fileAsset`: id `file-<sha1>-<ext>`. */
export function fileAssetDocument(
  file: StoredFile,
  type: { extension: string; mimeType: string },
  at: AssetLocation,
): LakeDocument {
  const path = `files/${at.projectId}/${at.dataset}/${file.sha1}.${type.extension}`;
  return {
    _id: `file-${file.sha1}-${type.extension}`,
    _type: 'sanity.fileAsset',
    assetId: file.sha1,
    extension: type.extension,
    mimeType: type.mimeType,
    ...(file.originalFilename ? { originalFilename: file.originalFilename } : {}),
    path,
    sha1hash: file.sha1,
    size: file.size,
    url: `${at.publicUrl}/${path}`,
  };
}

/** The same document with `url` pointing at `publicUrl` (the lake's port may change between runs). */
export function withPublicUrl(doc: LakeDocument, publicUrl: string): LakeDocument {
  if (!isAssetDocument(doc) || typeof doc.path !== 'string') return doc;
  const url = `${publicUrl}/${doc.path}`;
  return doc.url === url ? doc : { ...doc, url };
}
