// References that point outside an export. `sanity dataset import` refuses a
// strong reference to a missing document, so the CLI warns before that happens
// (the target may already be in the dataset, hence a warning, not an error).
import type { ExportDocument } from './export-shapes.ts';

export interface DanglingReference {
  from: string;
  to: string;
}

export function danglingReferences(documents: readonly ExportDocument[]): DanglingReference[] {
  const ids = new Set(documents.map((doc) => doc._id));
  const out: DanglingReference[] = [];
  for (const doc of documents) {
    for (const to of referencedIds(doc)) if (!ids.has(to)) out.push({ from: doc._id, to });
  }
  return out;
}

function referencedIds(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) referencedIds(item, found);
  else if (value && typeof value === 'object') {
    const ref = (value as { _ref?: unknown })._ref;
    if (typeof ref === 'string') found.add(ref);
    for (const child of Object.values(value)) referencedIds(child, found);
  }
  return found;
}
