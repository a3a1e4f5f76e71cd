import { z } from 'zod';

/**
 * Token roles, after Sanity's: `viewer` reads everything (drafts included),
 * `editor` also writes, `administrator` also manages datasets and tokens.
 */
export const roleSchema = z.enum(['viewer', 'editor', 'administrator']);
export type Role = z.infer<typeof roleSchema>;

export type User = { id: string; name: string; email: string | null };

/** Who a request acts as. Anonymous requests read published documents only. */
export type Principal = { kind: 'anonymous' } | { kind: 'token'; tokenId: string; role: Role; user: User };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** Anonymous requests see nothing of a private dataset (hosted Sanity's ACL filters everything out). */
export function canReadDataset(principal: Principal, aclMode: string | undefined): boolean {
  return aclMode !== 'private' || principal.kind === 'token';
}

export function canReadDrafts(principal: Principal): boolean {
  return principal.kind === 'token';
}

export function canWrite(principal: Principal): boolean {
  return principal.kind === 'token' && (principal.role === 'editor' || principal.role === 'administrator');
}

export function canManage(principal: Principal): boolean {
  return principal.kind === 'token' && principal.role === 'administrator';
}

/** The identity recorded as a transaction's author and returned by GROQ's identity(). */
export function identityOf(principal: Principal): string {
  return principal.kind === 'token' ? principal.user.id : '';
}
