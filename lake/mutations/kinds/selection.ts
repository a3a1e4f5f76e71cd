import { mutationErrors } from '../mutation-item-error.ts';
import type { MutationContext } from '../mutation-kind.ts';
import { describe } from './document-payload.ts';

/** The documents a delete or patch targets: `{id}` or `{query, params?}`. */
export type Selection = { kind: 'id'; id: string } | { kind: 'query'; query: string; params: Record<string, unknown> };

export function readSelection(payload: unknown, kind: string): Selection & { body: Record<string, unknown> } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw mutationErrors.invalid(`"${kind}" must be an object with "id" or "query", got ${describe(payload)}`);
  }
  const body = payload as Record<string, unknown>;
  if (typeof body.id === 'string' && body.id !== '') return { kind: 'id', id: body.id, body };
  if (typeof body.query === 'string' && body.query !== '') {
    const params = body.params ?? {};
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw mutationErrors.invalid(`"${kind}.params" must be an object of GROQ parameters`);
    }
    return { kind: 'query', query: body.query, params: params as Record<string, unknown>, body };
  }
  if (body.id !== undefined)
    throw mutationErrors.invalid(`"${kind}.id" must be a non-empty string, got ${describe(body.id)}`);
  throw mutationErrors.invalid(`"${kind}" needs a document "id" or a GROQ "query" selecting documents`);
}

export async function selectedIds(selection: Selection, context: MutationContext): Promise<string[]> {
  return selection.kind === 'id' ? [selection.id] : context.selectIds(selection.query, selection.params);
}
