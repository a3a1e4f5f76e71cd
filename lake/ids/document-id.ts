// Sanity's id conventions: `drafts.<id>` for drafts, `versions.<release>.<id>`
// for release versions, `_.`-prefixed ids for system documents.

const DRAFTS = 'drafts.';
const VERSIONS = 'versions.';

/** Characters Sanity accepts in document ids (letters, digits, `_`, `-`, `.`), at most 128. */
const VALID_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function isValidDocumentId(id: string): boolean {
  return VALID_ID.test(id) && !id.includes('..');
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
