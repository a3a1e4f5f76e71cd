// Who a user id is, for `/users/<ids>` (history authors, presence avatars)
// and the project's member list: editor accounts (revoked ones too, so
// history keeps their names), the users of robot tokens, and the lake's own
// identities (imports, seeding).
import type { DatabaseSync } from 'node:sqlite';
import { listTokens } from './token-store.ts';
import { editorsById, listEditors } from './user-store.ts';

export type PublicUser = { id: string; displayName: string; email?: string; imageUrl?: string };

export type Member = { id: string; role: string; isRobot: boolean; createdAt: string };

const SYSTEM_IDENTITIES: Record<string, string> = { import: 'Dataset import', seed: 'Seed data' };

/** Whether `id` is one of the lake's own identities (imports, seeding) rather than a person or a token's user. */
export function isSystemIdentity(id: string): boolean {
  return Object.hasOwn(SYSTEM_IDENTITIES, id);
}

export function lookUpUsers(db: DatabaseSync, ids: string[]): (PublicUser | null)[] {
  const editors = editorsById(db, ids);
  const robots = new Map(listTokens(db).map((token) => [token.user.id, token.user]));
  return ids.map((id) => {
    const editor = editors.get(id);
    if (editor) return { id, displayName: editor.name, email: editor.email };
    const robot = robots.get(id);
    if (robot)
      return robot.email ? { id, displayName: robot.name, email: robot.email } : { id, displayName: robot.name };
    const system = SYSTEM_IDENTITIES[id];
    return system ? { id, displayName: system } : null;
  });
}

/** Active editors, then robot token users (the Studio leaves robots out of mentions). */
export function projectMembers(db: DatabaseSync): Member[] {
  const editors = listEditors(db).filter((editor) => !editor.revokedAt);
  const editorIds = new Set(editors.map((editor) => editor.id));
  const robots = new Map<string, Member>();
  for (const token of listTokens(db)) {
    if (editorIds.has(token.user.id) || robots.has(token.user.id)) continue;
    robots.set(token.user.id, { id: token.user.id, role: token.role, isRobot: true, createdAt: token.createdAt });
  }
  return [
    ...editors.map((editor) => ({ id: editor.id, role: editor.role, isRobot: false, createdAt: editor.createdAt })),
    ...robots.values(),
  ];
}
