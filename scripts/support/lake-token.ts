// A token for one command against the embedded lake, revoked when the
// command is done: the CLI keeps no credentials.
import { createToken, openDatabase, type Role, revokeToken } from '../../lake/index.ts';

export async function withLakeToken<T>(
  dataDir: string,
  options: { name: string; role: Role },
  work: (token: string) => Promise<T>,
): Promise<T> {
  const db = openDatabase(dataDir);
  const { id, token } = createToken(db, options);
  try {
    return await work(token);
  } finally {
    revokeToken(db, id);
    db.close();
  }
}
