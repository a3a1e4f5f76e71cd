// `node scripts/hosting-headers.ts` as the hosted workflow runs it: with no
// release store (an empty one), so the history file is all it uses.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, '../../../scripts/hosting-headers.ts');

export type Run = { code: number; stdout: string; stderr: string };

export const hostingHeaders = (args: string[]) =>
  new Promise<Run>((resolve) => {
    const env = { ...process.env, NEWSROOM_RELEASES_DIR: mkdtempSync(join(tmpdir(), 'no-releases-')) };
    execFile(process.execPath, [SCRIPT, ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
