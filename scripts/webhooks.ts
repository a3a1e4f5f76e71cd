// node scripts/webhooks.ts add --name <name> --url <url> [--dataset production|*] [--filter '<GROQ>']
//   [--projection '{...}'] [--on create,update,delete] [--secret <s>] [--method POST] [--api-version v2021-03-25]
//   [--include-drafts] [--header 'Name: value']... [--description <text>] [--json]
// node scripts/webhooks.ts add --definition <file.json | -> (Sanity's webhooks API shape)
// node scripts/webhooks.ts list [--json] [--show-secrets]
// node scripts/webhooks.ts remove <id | name>
// node scripts/webhooks.ts deliveries [--webhook <id | name>] [--status pending|delivered|failed|cancelled] [--limit N] [--json]
// node scripts/webhooks.ts attempts <delivery id> [--json]
// All take [--data-dir .lake] (or LAKE_DIR). Changes apply at once, also to a running lake.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  addWebhook,
  createDeliveryQueue,
  type DeliveryStatus,
  listWebhooks,
  openDatabase,
  removeWebhook,
  type Webhook,
} from '../lake/index.ts';
import { commandLineOrExit, commandOrComplain } from './support/command-line.ts';
import { lakeExistsOrComplain } from './support/existing-lake.ts';

const USAGE = `Usage:
  node scripts/webhooks.ts add --name <name> --url <url> [--dataset <name>|*] [--filter '<GROQ filter>'] [--projection '<GROQ projection>']
      [--on create,update,delete] [--secret <secret>] [--method POST|PUT|PATCH|DELETE|GET] [--api-version v2021-03-25]
      [--include-drafts] [--header 'Name: value']... [--description <text>] [--json]
  node scripts/webhooks.ts add --definition <file.json | ->
  node scripts/webhooks.ts list [--json] [--show-secrets]
  node scripts/webhooks.ts remove <id | name>
  node scripts/webhooks.ts deliveries [--webhook <id | name>] [--status pending|delivered|failed|cancelled] [--limit N] [--json]
  node scripts/webhooks.ts attempts <delivery id> [--json]
  (all take --data-dir .lake)`;

const OPTIONS = {
  name: { type: 'string' },
  url: { type: 'string' },
  dataset: { type: 'string' },
  filter: { type: 'string' },
  projection: { type: 'string' },
  on: { type: 'string' },
  secret: { type: 'string' },
  method: { type: 'string' },
  'api-version': { type: 'string' },
  'include-drafts': { type: 'boolean' },
  header: { type: 'string', multiple: true },
  description: { type: 'string' },
  definition: { type: 'string' },
  webhook: { type: 'string' },
  status: { type: 'string' },
  limit: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  'show-secrets': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** The flags as a definition in Sanity's shape; unset flags are left to the schema's defaults. */
function definitionFrom(values: Values): unknown {
  if (values.definition) {
    return JSON.parse(readFileSync(values.definition === '-' ? 0 : values.definition, 'utf8'));
  }
  const headers = Object.fromEntries(
    (values.header ?? []).map((line) => {
      const colon = line.indexOf(':');
      if (colon < 1) throw new Error(`--header "${line}" is not "Name: value"`);
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    }),
  );
  const definition = {
    name: values.name,
    url: values.url,
    dataset: values.dataset,
    description: values.description,
    rule: { on: values.on?.split(',').map((op) => op.trim()), filter: values.filter, projection: values.projection },
    httpMethod: values.method?.toUpperCase(),
    apiVersion: values['api-version'],
    includeDrafts: values['include-drafts'],
    headers,
    secret: values.secret,
  };
  return JSON.parse(JSON.stringify(definition));
}

function describe(hook: Webhook, showSecrets: boolean): Webhook {
  return showSecrets || !hook.secret ? hook : { ...hook, secret: '(set)' };
}

function main(): number {
  const parsed = commandLineOrExit(() => parseArgs({ options: OPTIONS, allowPositionals: true }), USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const command = commandOrComplain(
    positionals,
    {
      add: undefined,
      list: undefined,
      remove: 'a webhook id or name',
      deliveries: undefined,
      attempts: 'a delivery id',
    },
    USAGE,
  );
  if (!command) return 2;
  // commandOrComplain made sure `remove` and `attempts` have their argument.
  const target = positionals[1] as string;
  const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  const dataDir = values['data-dir'] ?? process.env.LAKE_DIR ?? '.lake';
  if (!lakeExistsOrComplain(dataDir)) return 1;
  const db = openDatabase(dataDir);
  try {
    if (command === 'add') {
      const hook = addWebhook(db, definitionFrom(values));
      if (values.json) out(describe(hook, false));
      else
        process.stderr.write(
          `Added webhook "${hook.name}" (${hook.id}): ${hook.rule.on.join(', ')} on ${hook.dataset} → ${hook.httpMethod} ${hook.url}\n`,
        );
      return 0;
    }
    if (command === 'list') {
      const hooks = listWebhooks(db).map((hook) => describe(hook, values['show-secrets'] === true));
      if (values.json) out(hooks);
      else {
        for (const h of hooks) {
          const flags = [
            h.isDisabledByUser ? 'disabled' : '',
            h.includeDrafts ? 'drafts' : '',
            h.secret ? 'signed' : 'unsigned',
          ];
          process.stdout.write(
            `${h.id}\t${h.name}\t${h.dataset}\t${h.rule.on.join(',')}\t${h.httpMethod} ${h.url}\t${h.rule.filter ?? '*'}\t${flags.filter(Boolean).join(',')}\n`,
          );
        }
      }
      return 0;
    }
    if (command === 'remove') {
      const removed = removeWebhook(db, target);
      if (removed.length === 0) {
        process.stderr.write(`No webhook with id or name "${target}"; see \`node scripts/webhooks.ts list\`.\n`);
        return 1;
      }
      process.stderr.write(
        `Removed webhook "${removed[0]?.name}" (${removed[0]?.id}); its undelivered deliveries are cancelled.\n`,
      );
      return 0;
    }
    if (command === 'deliveries') {
      const hook = values.webhook && listWebhooks(db).find((h) => h.id === values.webhook || h.name === values.webhook);
      const deliveries = createDeliveryQueue(db).list({
        webhookId: hook ? hook.id : values.webhook,
        status: values.status as DeliveryStatus | undefined,
        limit: values.limit ? Number(values.limit) : 100,
      });
      if (values.json) out(deliveries);
      else {
        for (const d of deliveries) {
          const last = d.lastStatus ? `HTTP ${d.lastStatus}` : (d.lastError ?? '');
          process.stdout.write(
            `${d.id}\t${d.status}\t${d.attempts} attempt(s)\t${d.operation}\t${d.documentId}\t${d.transactionId}\t${last}\n`,
          );
        }
      }
      return 0;
    }
    const attempts = createDeliveryQueue(db).attempts(Number(target));
    if (values.json) out(attempts);
    else
      for (const a of attempts)
        process.stdout.write(`${a.attempt}\t${a.at}\t${a.status ?? '-'}\t${a.durationMs} ms\t${a.error ?? ''}\n`);
    return 0;
  } catch (error) {
    const hint = (error as { hint?: string }).hint;
    process.stderr.write(`${(error as Error).message}${hint ? `\n${hint}` : ''}\n`);
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = main();
