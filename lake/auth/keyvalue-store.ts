// The Studio's per-user settings (`/users/me/keyvalue`): pane layouts, sort
// orders, recent searches. Kept per user so two editors do not share them.
import type { DatabaseSync } from 'node:sqlite';

export type KeyValuePair = { key: string; value: unknown };

/** One pair per requested key, in order; `value` is null for keys never set. */
export function getUserValues(db: DatabaseSync, userId: string, keys: string[]): KeyValuePair[] {
  const statement = db.prepare('SELECT value FROM user_keyvalue WHERE user_id = ? AND key = ?');
  return keys.map((key) => {
    const row = statement.get(userId, key) as { value: string } | undefined;
    return { key, value: row ? (JSON.parse(row.value) as unknown) : null };
  });
}

/** Stores the pairs (a null value deletes the key) and returns them as stored. */
export function setUserValues(db: DatabaseSync, userId: string, pairs: KeyValuePair[]): KeyValuePair[] {
  const upsert = db.prepare(
    'INSERT INTO user_keyvalue (user_id, key, value) VALUES (?, ?, ?) ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare('DELETE FROM user_keyvalue WHERE user_id = ? AND key = ?');
  for (const { key, value } of pairs) {
    if (value === null || value === undefined) remove.run(userId, key);
    else upsert.run(userId, key, JSON.stringify(value));
  }
  return pairs.map(({ key, value }) => ({ key, value: value ?? null }));
}
