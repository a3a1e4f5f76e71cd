// Local editor accounts for the Studio (no sanity.io logins, no passwords):
//
// node scripts/editor.ts create --name "Jane Doe" --email jane@example.com [--role editor|administrator]
//     makes an account and prints its Studio login link, http://localhost:3333/#token=<token>
// node scripts/editor.ts login <email | id>     prints a fresh login link for an existing account
// node scripts/editor.ts list [--json]
// node scripts/editor.ts revoke <email | id>    ends the account's access at once (its links stop working)
//
// All take [--data-dir .lake] (or LAKE_DIR) and [--studio-url URL] (or STUDIO_URL; default
// http://localhost:$STUDIO_PORT, where npm start serves it, or 3333). They work while the lake
// runs: tokens are read from SQLite per request.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_STUDIO_URL, loginLink } from '../lake/auth/login-link.ts';
import {
  createEditor,
  ensureUserTables,
  findEditor,
  issueEditorToken,
  listEditors,
  type NewEditor,
  revokeEditor,
} from '../lake/auth/user-store.ts';
import { openDatabase } from '../lake/index.ts';
import { commandLineOrExit, commandOrComplain, parsedOrUsage } from './support/command-line.ts';
import { lakeExistsOrComplain } from './support/existing-lake.ts';
import { portVariable } from './support/port-variable.ts';

const USAGE = `Usage:
  node scripts/editor.ts create --name "Jane Doe" --email jane@example.com [--role editor|administrator]
  node scripts/editor.ts login <email | id>
  node scripts/editor.ts list [--json]
  node scripts/editor.ts revoke <email | id>
  (all take --data-dir .lake, and --studio-url for the links: default STUDIO_URL, or http://localhost:STUDIO_PORT, or ${DEFAULT_STUDIO_URL})`;

function main(): number {
  const parsed = commandLineOrExit(parse, USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const who = "an editor's e-mail or id";
  const command = commandOrComplain(
    positionals,
    { create: undefined, login: who, list: undefined, revoke: who },
    USAGE,
  );
  if (!command) return 2;
  // commandOrComplain made sure `login` and `revoke` have their argument.
  const target = positionals[1] as string;
  // Only the commands that print links read where the Studio is.
  const links = command === 'create' || command === 'login';
  const studioUrl = links
    ? parsedOrUsage(() => values['studio-url'] ?? process.env.STUDIO_URL ?? npmStartStudioUrl(), USAGE)
    : DEFAULT_STUDIO_URL;
  if (studioUrl === undefined) return 2;
  const dataDir = values['data-dir'] ?? process.env.LAKE_DIR ?? '.lake';
  if (!lakeExistsOrComplain(dataDir)) return 1;
  const db = openDatabase(dataDir);
  try {
    ensureUserTables(db);
    if (command === 'create') {
      const input = { name: values.name ?? '', email: values.email ?? '', role: values.role as NewEditor['role'] };
      const { editor, token } = createEditor(db, input);
      process.stderr.write(
        `Created ${editor.role} ${editor.name} <${editor.email}> (${editor.id}). Their login link:\n`,
      );
      process.stdout.write(`${loginLink(studioUrl, token)}\n`);
      return 0;
    }
    if (command === 'login') {
      const editor = findEditor(db, target);
      if (!editor) return notFound(target);
      process.stdout.write(`${loginLink(studioUrl, issueEditorToken(db, editor).token)}\n`);
      return 0;
    }
    if (command === 'list') {
      const editors = listEditors(db);
      if (values.json) process.stdout.write(`${JSON.stringify(editors)}\n`);
      for (const e of values.json ? [] : editors) {
        const state = e.revokedAt ? `revoked ${e.revokedAt}` : 'active';
        process.stdout.write(`${e.id}\t${e.role}\t${e.name} <${e.email}>\t${state}\n`);
      }
      return 0;
    }
    const revoked = revokeEditor(db, target);
    if (!revoked) return notFound(target);
    process.stderr.write(`Revoked ${revoked.name} <${revoked.email}>; their login links no longer work.\n`);
    return 0;
  } catch (error) {
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      process.stderr.write(`create: --${issue?.path.join('.')}: ${issue?.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
}

/**
 * Where npm start serves the Studio: STUDIO_PORT, which it reads too, so an
 * operator who moved the Studio gets links that open it (they went to 3333).
 */
function npmStartStudioUrl(): string {
  const port = portVariable('STUDIO_PORT');
  // 0 is a free port npm start picked and printed; this script cannot know it.
  return port === 0 ? DEFAULT_STUDIO_URL : `http://localhost:${port}`;
}

function notFound(target: string): number {
  process.stderr.write(`No active editor with e-mail or id "${target}"; see \`node scripts/editor.ts list\`.\n`);
  return 1;
}

function parse() {
  return parseArgs({
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      'data-dir': { type: 'string' },
      'studio-url': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
}

process.exitCode = main();
