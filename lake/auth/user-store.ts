// Local editor accounts: people who log in to the Studio. There are no
// passwords and no sanity.io logins: an account holds tokens, and a login
// link carries one (`https://<studio>/#token=<token>`). Tokens stay in the
// `tokens` table (hashed), tied to the account by user id; revoking an
// account deletes its tokens but keeps the row, so history still shows who
// made each change.
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { randomId } from '../ids/random-id.ts';
import { inTransaction } from '../store/open-database.ts';
import type { Role } from './roles.ts';
import { createToken, type TokenRecord } from './token-store.ts';

export const editorRoleSchema = z.enum(['editor', 'administrator']);

export const newEditorSchema = z.object({
  name: z.string().trim().min(1, 'name is required'),
  email: z.email('email must be an e-mail address'),
  role: editorRoleSchema.default('editor'),
});

export type NewEditor = z.input<typeof newEditorSchema>;

export type EditorAccount = {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  /** Set once the account is revoked: its tokens are gone, its name stays for history. */
  revokedAt: string | null;
};

type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
};

/** The auth tables belong to auth/, so auth/ creates them (idempotent; run on every open). */
export function ensureUserTables(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT NOT NULL,
      role TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    );
    CREATE UNIQUE INDEX IF NOT EXISTS users_by_active_email ON users (lower(email)) WHERE revoked_at IS NULL;
    CREATE TABLE IF NOT EXISTS user_keyvalue (
      user_id TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (user_id, key)
    ) WITHOUT ROWID;
  `);
}

function toAccount(row: UserRow): EditorAccount {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export class EditorExistsError extends Error {
  constructor(email: string) {
    super(`An editor with e-mail ${email} already exists; revoke it first or give them a new link with \`login\``);
    this.name = 'EditorExistsError';
  }
}

/** Creates an account and its first token (returned once: only a hash is stored). */
export function createEditor(db: DatabaseSync, input: NewEditor): { editor: EditorAccount; token: string } {
  const parsed = newEditorSchema.parse(input);
  if (findEditor(db, parsed.email)) throw new EditorExistsError(parsed.email);
  const editor: EditorAccount = {
    // Sanity's user ids look like "p" plus base62; the prefix keeps them apart from robot ids.
    id: `p${randomId(9)}`,
    name: parsed.name,
    email: parsed.email,
    role: parsed.role,
    createdAt: new Date().toISOString(),
    revokedAt: null,
  };
  db.prepare('INSERT INTO users (id, name, email, role, created_at) VALUES (?, ?, ?, ?, ?)').run(
    editor.id,
    editor.name,
    editor.email,
    editor.role,
    editor.createdAt,
  );
  return { editor, token: issueEditorToken(db, editor).token };
}

/** A further login token for an active account (a new device, a lost link). */
export function issueEditorToken(db: DatabaseSync, editor: EditorAccount): TokenRecord & { token: string } {
  return createToken(db, {
    name: `studio:${editor.email}`,
    role: editor.role,
    user: { id: editor.id, name: editor.name, email: editor.email },
  });
}

export function listEditors(db: DatabaseSync): EditorAccount[] {
  return (db.prepare('SELECT * FROM users ORDER BY created_at, id').all() as UserRow[]).map(toAccount);
}

/** An active account by id or e-mail (case-insensitive). */
export function findEditor(db: DatabaseSync, idOrEmail: string): EditorAccount | undefined {
  const row = db
    .prepare('SELECT * FROM users WHERE revoked_at IS NULL AND (id = ? OR lower(email) = lower(?))')
    .get(idOrEmail, idOrEmail) as UserRow | undefined;
  return row ? toAccount(row) : undefined;
}

/** Accounts by id, revoked ones included (history names people who have left). */
export function editorsById(db: DatabaseSync, ids: string[]): Map<string, EditorAccount> {
  const found = new Map<string, EditorAccount>();
  const statement = db.prepare('SELECT * FROM users WHERE id = ?');
  for (const id of new Set(ids)) {
    const row = statement.get(id) as UserRow | undefined;
    if (row) found.set(id, toAccount(row));
  }
  return found;
}

export function countActiveEditors(db: DatabaseSync): number {
  return (db.prepare('SELECT count(*) AS n FROM users WHERE revoked_at IS NULL').get() as { n: number }).n;
}

/** Ends an account's access at once (its tokens are deleted). Returns it, or undefined when unknown. */
export function revokeEditor(db: DatabaseSync, idOrEmail: string): EditorAccount | undefined {
  const editor = findEditor(db, idOrEmail);
  if (!editor) return undefined;
  const revokedAt = new Date().toISOString();
  inTransaction(db, () => {
    db.prepare('DELETE FROM tokens WHERE user_id = ?').run(editor.id);
    db.prepare('UPDATE users SET revoked_at = ? WHERE id = ?').run(revokedAt, editor.id);
  });
  return { ...editor, revokedAt };
}
