// Sanity's id conventions: `drafts.<id>` for drafts, `versions.<release>.<id>`
// for release versions, `_.`-prefixed ids for system documents.

const DRAFTS = 'drafts.';
const VERSIONS = 'versions.';

/** Characters Sanity accepts in document ids: letters, digits, `_`, `-`, `.`. */
const ID_CHARACTERS = /^[A-Za-z0-9_.-]+$/;
/** How long the id of a document may be, not counting a `drafts.` or `versions.<release>.` prefix. */
const MAX_ID_LENGTH = 128;

/**
 * What is wrong with an id, in words an editor can act on; undefined when it
 * is valid. One rule for the mutate API, actions and imports, so no document
 * gets in that the Studio could then not edit. The length is checked without
 * the draft or version prefix: otherwise a document could be created whose
 * draft could not be.
 */
export function documentIdProblem(id: string): string | undefined {
  if (id === '') return 'it is empty';
  if (!ID_CHARACTERS.test(id)) return 'use only letters, digits, "_", "-" and "."';
  const segments = id.split('.');
  if (segments.includes('')) return 'it may not start or end with "." or contain ".."';
  if (segments.some((segment) => segment.startsWith('-'))) return 'no part of it may start with "-"';
  if (publishedIdOf(id).length > MAX_ID_LENGTH) return `it may be at most ${MAX_ID_LENGTH} characters long`;
  return undefined;
}

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS);
}

export function isVersionId(id: string): boolean {
  return id.startsWith(VERSIONS);
}

/** Published documents are everything that is neither a draft nor a release version. */
export function isPublishedId(id: string): boolean {
  return !isDraftId(id) && !isVersionId(id);
}

export function draftIdOf(publishedId: string): string {
  return `${DRAFTS}${publishedId}`;
}

export function versionIdOf(releaseId: string, publishedId: string): string {
  return `${VERSIONS}${releaseId}.${publishedId}`;
}

/** The published id a draft or version belongs to. */
export function publishedIdOf(id: string): string {
  if (isDraftId(id)) return id.slice(DRAFTS.length);
  if (isVersionId(id)) {
    const rest = id.slice(VERSIONS.length);
    const dot = rest.indexOf('.');
    return dot === -1 ? rest : rest.slice(dot + 1);
  }
  return id;
}

/** The release a `versions.<release>.<id>` document belongs to, if any. */
export function releaseIdOf(id: string): string | undefined {
  if (!isVersionId(id)) return undefined;
  const rest = id.slice(VERSIONS.length);
  const dot = rest.indexOf('.');
  return dot === -1 ? undefined : rest.slice(0, dot);
}
