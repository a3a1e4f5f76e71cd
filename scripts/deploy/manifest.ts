// A release is a manifest: every public path of the site and the content hash
// of the file served there. Files live once in the blob store, so a release
// that changes one story writes one page, not ten thousand.
import { z } from 'zod';

export const manifestFile = z.object({
  /** sha256 of the bytes, hex. */
  hash: z.string().regex(/^[a-f0-9]{64}$/),
  size: z.number().int().nonnegative(),
});

export const releaseManifest = z.object({
  id: z.string().regex(/^[0-9a-z-]+$/),
  createdAt: z.iso.datetime(),
  /** The release this one was built on top of, for partial builds. */
  base: z.string().optional(),
  /** Public path (leading slash, e.g. /story/x.html) → file. */
  files: z.record(z.string(), manifestFile),
  /**
   * Story id → the path of its page (/story/x), for every story the release
   * shows, from the build's record (site/lib/build/story-paths.ts). The store
   * remembers every path a story has had, for redirects (story-redirects.ts).
   */
  stories: z.record(z.string(), z.string()).optional(),
  /** Anything the deployer wants kept with the release: content revisions, build figures. */
  meta: z.record(z.string(), z.unknown()).default({}),
});

export type ManifestFile = z.infer<typeof manifestFile>;
export type ReleaseManifest = z.infer<typeof releaseManifest>;

/** Paths whose bytes are worth compressing ahead of time. */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|txt|svg|rss|atom|webmanifest|map)$/;
