// Tokens live in the lake's SQLite file. Only a SHA-256 of each token is
// stored: tokens are 80 random base62 characters (~476 bits), so an unsalted
// fast hash is enough to make a stolen database useless for logging in.
import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { randomId } from '../ids/random-id.ts';
import type { Role, User } from './roles.ts';

export type TokenRecord = { id: string; name: string; role: Role; user: User; createdAt: string };

export type CreateTokenOptions = {
  /** What the token is for, e.g. "build" or "studio". */
  name: string;
  role: Role;
  /** The identity writes are attributed to. Default: a robot user named after the token. */
  user?: Partial<User>;
};

type TokenRow = {
  id: string;
  name: string;
  role: Role;
  user_id: string;
  user_name: string;
  user_email: string | null;
  created_at: string;
};

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toRecord(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    user: { id: row.user_id, name: row.user_name, email: row.user_email },
    createdAt: row.created_at,
  };
}

/** Creates a token; the secret is returned here and never again. */
export function createToken(db: DatabaseSync, options: CreateTokenOptions): TokenRecord & { token: string } {
  const token = `sk${randomId(80)}`;
  const id = `t${randomId(12)}`;
  const user: User = {
    id: options.user?.id ?? `robot-${options.name.replace(/[^A-Za-z0-9_-]/g, '-')}`,
    name: options.user?.name ?? options.name,
    email: options.user?.email ?? null,
  };
  const createdAt = new Date().toISOString();
  db.prepare(
    'INSERT INTO tokens (id, name, role, hash, user_id, user_name, user_email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, options.name, options.role, hashToken(token), user.id, user.name, user.email, createdAt);
  return { id, name: options.name, role: options.role, user, createdAt, token };
}

export function listTokens(db: DatabaseSync): TokenRecord[] {
  const rows = db
    .prepare('SELECT id, name, role, user_id, user_name, user_email, created_at FROM tokens ORDER BY created_at, id')
    .all() as TokenRow[];
  return rows.map(toRecord);
}

/** Revokes by token id (or by name, when exactly one token has it). Returns the revoked records. */
export function revokeToken(db: DatabaseSync, idOrName: string): TokenRecord[] {
  const rows = db
    .prepare('SELECT id, name, role, user_id, user_name, user_email, created_at FROM tokens WHERE id = ? OR name = ?')
    .all(idOrName, idOrName) as TokenRow[];
  const byId = rows.filter((row) => row.id === idOrName);
  const targets = byId.length > 0 ? byId : rows;
  if (targets.length !== 1) return targets.length === 0 ? [] : ambiguous(idOrName, targets);
  db.prepare('DELETE FROM tokens WHERE id = ?').run((targets[0] as TokenRow).id);
  return targets.map(toRecord);
}

function ambiguous(name: string, rows: TokenRow[]): never {
  throw new Error(
    `${rows.length} tokens are named "${name}" (${rows.map((row) => row.id).join(', ')}); revoke one by its id`,
  );
}

/** The token record for a presented secret, read fresh so revocations apply at once. */
export function findToken(db: DatabaseSync, token: string): TokenRecord | undefined {
  const row = db
    .prepare('SELECT id, name, role, user_id, user_name, user_email, created_at FROM tokens WHERE hash = ?')
    .get(hashToken(token)) as TokenRow | undefined;
  return row ? toRecord(row) : undefined;
}
