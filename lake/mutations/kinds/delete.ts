import type { MutationHandler } from '../mutation-kind.ts';
import { readSelection, selectedIds } from './selection.ts';

/** `{delete: {id}}` or `{delete: {query, params}}`; deleting a missing id is a no-op ("none"). */
export const deleteMutation: MutationHandler = {
  permission: 'delete',
  async apply(payload, context) {
    const selection = readSelection(payload, 'delete');
    const results = [];
    for (const id of await selectedIds(selection, context)) {
      const exists = context.overlay.get(id) !== null;
      if (exists) context.overlay.set(id, null);
      results.push({ id, operation: exists ? ('delete' as const) : ('none' as const) });
    }
    const { body: _body, ...logged } = selection;
    return { results, logged: { delete: selection.kind === 'id' ? { id: selection.id } : logged } };
  },
};
