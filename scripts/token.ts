// node scripts/token.ts create --name build --role editor [--user-id ID] [--user-name NAME] [--user-email EMAIL] [--json]
// node scripts/token.ts create --editor <email | id> [--json]   a token acting as an editor account (its role,
//     its name in history), e.g. for a script run on someone's behalf; Studio logins use scripts/editor.ts
// node scripts/token.ts list [--json]
// node scripts/token.ts revoke <token id | name>
// All take [--data-dir .lake] (or LAKE_DIR).
//
// `create` prints the token on stdout, once (only its hash is stored), so
// `TOKEN=$(node scripts/token.ts create --name build --role viewer)` works.
// Tokens apply at once, also to a lake that is already running.
import { parseArgs } from 'node:util';
import {
  createToken,
  ensureUserTables,
  findEditor,
  issueEditorToken,
  listTokens,
  openDatabase,
  revokeToken,
  roleSchema,
  type TokenRecord,
} from '../lake/index.ts';
import { commandLineOrExit, commandOrComplain } from './support/command-line.ts';
import { lakeExistsOrComplain } from './support/existing-lake.ts';

const USAGE = `Usage:
  node scripts/token.ts create --name <name> --role viewer|editor|administrator [--user-id ID] [--user-name NAME] [--user-email EMAIL] [--json]
  node scripts/token.ts create --editor <email | id> [--json]
  node scripts/token.ts list [--json]
  node scripts/token.ts revoke <token id | name>
  (all take --data-dir .lake)`;

function main(): number {
  const parsed = commandLineOrExit(
    () =>
      parseArgs({
        options: {
          name: { type: 'string' },
          role: { type: 'string' },
          'user-id': { type: 'string' },
          'user-name': { type: 'string' },
          'user-email': { type: 'string' },
          'data-dir': { type: 'string' },
          json: { type: 'boolean' },
          editor: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        allowPositionals: true,
      }),
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const command = commandOrComplain(
    positionals,
    { create: undefined, list: undefined, revoke: 'a token id or name' },
    USAGE,
  );
  if (!command) return 2;
  // commandOrComplain made sure `revoke` has its argument.
  const target = positionals[1] as string;
  const dataDir = values['data-dir'] ?? process.env.LAKE_DIR ?? '.lake';
  if (!lakeExistsOrComplain(dataDir)) return 1;
  const db = openDatabase(dataDir);
  try {
    if (command === 'create' && values.editor) {
      ensureUserTables(db);
      const editor = findEditor(db, values.editor);
      if (!editor) {
        process.stderr.write(`No active editor "${values.editor}"; see \`node scripts/editor.ts list\`.\n`);
        return 1;
      }
      return printCreated(issueEditorToken(db, editor), values.json);
    }
    if (command === 'create') {
      const role = roleSchema.safeParse(values.role);
      if (!values.name || !role.success) {
        process.stderr.write(`create needs --name and --role (viewer, editor or administrator).\n${USAGE}\n`);
        return 2;
      }
      const user = { id: values['user-id'], name: values['user-name'], email: values['user-email'] };
      return printCreated(
        createToken(db, { name: values.name, role: role.data, user: stripUndefined(user) }),
        values.json,
      );
    }
    if (command === 'list') {
      const tokens = listTokens(db);
      if (values.json) process.stdout.write(`${JSON.stringify(tokens)}\n`);
      else
        for (const t of tokens) process.stdout.write(`${t.id}\t${t.role}\t${t.name}\t${t.user.id}\t${t.createdAt}\n`);
      return 0;
    }
    const revoked = revokeToken(db, target);
    if (revoked.length === 0) {
      process.stderr.write(`No token with id or name "${target}"; see \`node scripts/token.ts list\`.\n`);
      return 1;
    }
    process.stderr.write(`Revoked token "${revoked[0]?.name}" (${revoked[0]?.id}).\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
}

function printCreated(created: TokenRecord & { token: string }, json: boolean | undefined): number {
  if (json) process.stdout.write(`${JSON.stringify(created)}\n`);
  else {
    process.stderr.write(
      `Created ${created.role} token "${created.name}" (${created.id}) acting as ${created.user.id}; it is shown only now:\n`,
    );
    process.stdout.write(`${created.token}\n`);
  }
  return 0;
}

function stripUndefined<T extends Record<string, string | undefined>>(value: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof T, string>
  >;
}

process.exitCode = main();
