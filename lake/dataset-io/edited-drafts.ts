// Drafts a `--replace` import keeps. A draft is an editor's unpublished work:
// an import that carried the draft of a story (an export taken while someone
// was editing it, a restore) replaced what the journalist had written since,
// and a Studio open on the story showed the import's text in their form, the
// change attributed to "Dataset import" in small print. @sanity/import would
// replace it too (createOrReplace). Here a draft last written by a person (or
// a token's user), that differs from the file's, is kept and reported, unless
// the import is told to replace those too.
import { isDeepStrictEqual } from 'node:util';
import { isSystemIdentity, lookUpUsers } from '../auth/user-directory.ts';
import { isDraftId } from '../ids/document-id.ts';
import type { LakeDocument } from '../store/document.ts';
import type { LakeStore } from '../store/lake-store.ts';
import type { PreparedDocument } from './prepare-documents.ts';

export type KeptDraft = {
  id: string;
  /** The line of the file's version, which was not written. */
  line: number;
  /** Who last changed the kept draft (a display name where the lake knows one) and when. */
  editedBy: string;
  editedAt: string;
};

/** The drafts of `docs` that `current` holds as an editor left them, different from the file's. */
export function editedDrafts(
  store: LakeStore,
  docs: readonly PreparedDocument[],
  current: (id: string) => LakeDocument | undefined,
): KeptDraft[] {
  const kept = docs.flatMap(({ doc, line }) => {
    const draft = isDraftId(doc._id) ? current(doc._id) : undefined;
    const author = typeof draft?._rev === 'string' ? store.transactionAuthor(draft._rev) : undefined;
    if (!draft || author === undefined || isSystemIdentity(author) || sameContent(draft, doc)) return [];
    return [{ id: doc._id, line, author, editedAt: String(draft._updatedAt ?? '') }];
  });
  const names = lookUpUsers(store.db, [...new Set(kept.map((draft) => draft.author))]);
  const nameOf = new Map(names.flatMap((user) => (user ? [[user.id, user.displayName]] : [])));
  return kept.map(({ author, ...draft }) => ({ ...draft, editedBy: nameOf.get(author) ?? author }));
}

function sameContent(stored: LakeDocument, imported: Record<string, unknown>): boolean {
  const content = ({ _rev, _createdAt, _updatedAt, ...rest }: Record<string, unknown>) => rest;
  return isDeepStrictEqual(content(stored), content(imported));
}
