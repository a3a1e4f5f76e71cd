import type { DatabaseSync } from 'node:sqlite';
import { randomId } from '../ids/random-id.ts';
import { type Webhook, webhookDefinitionSchema } from './webhook-definition.ts';
import { webhookErrors } from './webhook-errors.ts';
import { compileWebhookGroq } from './webhook-groq.ts';
import { ensureWebhookTables, lastLogSeq } from './webhook-tables.ts';

type WebhookRow = { id: string; definition: string; since_seq: number; created_at: string };

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    ...webhookDefinitionSchema.parse(JSON.parse(row.definition)),
    createdAt: row.created_at,
    sinceSeq: row.since_seq,
  };
}

/**
 * Adds a webhook (checked with zod, its GROQ parsed). It fires for
 * transactions committed from now on. Works on a lake's database from any
 * process: a running lake reads definitions on every transaction.
 */
export function addWebhook(db: DatabaseSync, definition: unknown): Webhook {
  ensureWebhookTables(db);
  const parsed = webhookDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw webhookErrors.invalidDefinition(issue?.path.join('.') ?? '', issue?.message ?? 'is invalid');
  }
  compileWebhookGroq(parsed.data.rule);
  if (db.prepare('SELECT 1 FROM webhooks WHERE name = ?').get(parsed.data.name)) {
    throw webhookErrors.nameTaken(parsed.data.name);
  }
  const row: WebhookRow = {
    id: `wh${randomId(14)}`,
    definition: JSON.stringify(parsed.data),
    since_seq: lastLogSeq(db),
    created_at: new Date().toISOString(),
  };
  db.prepare('INSERT INTO webhooks (id, name, definition, since_seq, created_at) VALUES (?, ?, ?, ?, ?)').run(
    row.id,
    parsed.data.name,
    row.definition,
    row.since_seq,
    row.created_at,
  );
  return toWebhook(row);
}

export function listWebhooks(db: DatabaseSync): Webhook[] {
  ensureWebhookTables(db);
  const rows = db.prepare('SELECT id, definition, since_seq, created_at FROM webhooks ORDER BY created_at, id').all();
  return (rows as WebhookRow[]).map(toWebhook);
}

export function findWebhook(db: DatabaseSync, id: string): Webhook | undefined {
  const row = db.prepare('SELECT id, definition, since_seq, created_at FROM webhooks WHERE id = ?').get(id);
  return row ? toWebhook(row as WebhookRow) : undefined;
}

/** Removes webhooks by id or name; their undelivered deliveries are cancelled. */
export function removeWebhook(db: DatabaseSync, idOrName: string): Webhook[] {
  const removed = listWebhooks(db).filter((hook) => hook.id === idOrName || hook.name === idOrName);
  for (const hook of removed) {
    db.prepare('DELETE FROM webhooks WHERE id = ?').run(hook.id);
    db.prepare(
      "UPDATE webhook_deliveries SET status = 'cancelled', finished_at = ? WHERE webhook_id = ? AND status = 'pending'",
    ).run(new Date().toISOString(), hook.id);
  }
  return removed;
}
