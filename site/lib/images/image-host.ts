// Where the originals of this build's photos are served, in Sanity's image URL
// layout. Read from the content configuration, never from stored documents,
// whose asset URLs name whichever host and port served them at the time.
import { createImageUrlBuilder, type ImageUrlBuilder } from '@sanity/image-url';
import { readContentConfig } from '../sanity/config.ts';

let builder: ImageUrlBuilder | undefined;

export function imageUrlBuilder(): ImageUrlBuilder {
  if (!builder) {
    const config = readContentConfig();
    builder = createImageUrlBuilder({
      projectId: config.projectId,
      dataset: config.dataset,
      baseUrl: config.imageHost,
    });
  }
  return builder;
}

/** The untransformed original of an image asset. */
export function originalUrl(assetId: string): string {
  return imageUrlBuilder().image(assetId).url();
}
