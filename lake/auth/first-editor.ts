// The first-run editor: a lake that starts with no editor accounts makes
// one, so a fresh clone is usable at once. Its token goes to
// `<dataDir>/first-editor.token` (mode 0600, readable by this user only);
// `npm start` turns it into a login link.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../store/open-database.ts';
import { findToken } from './token-store.ts';
import { countActiveEditors, createEditor, type EditorAccount } from './user-store.ts';

export const FIRST_EDITOR_FILE = 'first-editor.token';

export const FIRST_EDITOR = { name: 'Editor', email: 'editor@newsroom.local', role: 'administrator' } as const;

/** Creates the first editor when there is no active account; returns it, or undefined when not needed. */
export function ensureFirstEditor(db: DatabaseSync, dataDir: string): EditorAccount | undefined {
  // Counted and created under the write lock: of two lakes starting at once on
  // a fresh directory (one of which will then be refused), one makes the editor.
  const created = inTransaction(db, () => (countActiveEditors(db) > 0 ? undefined : createEditor(db, FIRST_EDITOR)));
  if (!created) return undefined;
  const { editor, token } = created;
  const path = join(dataDir, FIRST_EDITOR_FILE);
  // Replace rather than rewrite: a file left by an older lake may have looser permissions.
  rmSync(path, { force: true });
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  return editor;
}

/** The first editor's token if its file exists and the token still works (not revoked). */
export function readFirstEditorToken(db: DatabaseSync, dataDir: string): string | undefined {
  const path = join(dataDir, FIRST_EDITOR_FILE);
  if (!existsSync(path)) return undefined;
  const token = readFileSync(path, 'utf8').trim();
  return token && findToken(db, token) ? token : undefined;
}
