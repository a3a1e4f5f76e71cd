import type { DatabaseSync } from 'node:sqlite';
import { errors } from '../errors/catalog.ts';
import { ANONYMOUS, type Principal } from './roles.ts';
import { findToken } from './token-store.ts';

/**
 * Who the request acts as. No Authorization header: anonymous. A bearer
 * token that is unknown or revoked is refused outright (401), as Sanity does,
 * rather than silently downgraded to anonymous.
 */
export function authenticate(db: DatabaseSync, authorization: string | undefined): Principal {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw errors.sessionNotFound();
  const record = findToken(db, match[1]);
  if (!record) throw errors.sessionNotFound();
  return { kind: 'token', tokenId: record.id, role: record.role, user: record.user };
}
