import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the local CA lives: per user, outside any checkout (never committed,
 * shared by every clone, so the CA is trusted once). `LAKE_TLS_DIR`
 * overrides it.
 */
export function defaultTlsDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LAKE_TLS_DIR) return env.LAKE_TLS_DIR;
  const home = env.HOME || homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'newsroom-lake', 'tls');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'newsroom-lake', 'tls');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'newsroom-lake', 'tls');
}
