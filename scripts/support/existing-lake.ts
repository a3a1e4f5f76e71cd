// The lake a maintenance command (token, editor, webhooks, export) works on
// must already exist: opening a lake's database creates one, so a mistyped
// --data-dir, or one of these run before the first `npm start`, would leave an
// empty lake behind. Its tokens and editors then work nowhere, and the empty
// folder stops `npm start` and `npm run build` seeding the real one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../lake/index.ts';

/** Whether `dataDir` holds a lake; if not, writes one line saying so and what to do to stderr (exit with 1). */
export function lakeExistsOrComplain(dataDir: string): boolean {
  if (existsSync(join(dataDir, DATABASE_FILE))) return true;
  process.stderr.write(
    `There is no lake in ${dataDir} (no ${DATABASE_FILE}): give --data-dir the lake's folder (LAKE_DIR, default .lake), ` +
      'or make the lake first with `npm start` or `npm run seed`.\n',
  );
  return false;
}
