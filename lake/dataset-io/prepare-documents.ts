import { randomUUID } from 'node:crypto';
import { documentIdProblem } from '../ids/document-id.ts';
import { withArrayKeys } from '../mutations/array-keys.ts';
import { ImportError } from './import-error.ts';
import { objectsWithKey, parentOf } from './object-paths.ts';
import type { ParsedDocument } from './parse-ndjson.ts';

export type PrepareOptions = {
  /** The project the lake serves: cross-project references are rewritten to it. */
  projectId: string;
  existingDatasets: string[];
  allowSystemDocuments: boolean;
  skipCrossDatasetReferences: boolean;
};

export type PreparedDocument = {
  line: number;
  size: number;
  doc: Record<string, unknown> & { _id: string; _type: string };
};

/**
 * @sanity/import's document pipeline, in its order: unique ids, cross-dataset
 * references must point at existing datasets, system documents (`_.`, except
 * releases) dropped unless allowed, missing ids generated (UUIDs), `_key`s
 * given to unkeyed array objects, references given `_type: "reference"` and
 * the target project id.
 */
export function prepareDocuments(parsed: ParsedDocument[], options: PrepareOptions): PreparedDocument[] {
  ensureUniqueIds(parsed);
  ensureEditable(parsed);
  if (!options.skipCrossDatasetReferences) ensureCdrDatasets(parsed, options.existingDatasets);
  const kept = options.allowSystemDocuments
    ? parsed
    : parsed.filter(
        ({ doc }) => doc._id === undefined || doc._id.startsWith('_.releases.') || !doc._id.startsWith('_.'),
      );
  return kept.map(({ line, size, doc }) => {
    const withId = doc._id ? doc : { _id: randomUUID(), ...doc };
    const keyed = withArrayKeys(withId) as PreparedDocument['doc'];
    cleanupReferences(keyed, options);
    return { line, size, doc: keyed };
  });
}

/**
 * @sanity/import's own check lets through ids such as `-a` or `a..b` and an
 * empty `_type`, which the lake then refuses in every later write: such a
 * document could be imported but never edited or published. The lake's rule
 * is applied here too, naming the line.
 */
function ensureEditable(parsed: ParsedDocument[]): void {
  for (const { line, doc } of parsed) {
    const problem = doc._id === undefined ? undefined : documentIdProblem(doc._id);
    if (problem) {
      throw new ImportError(
        'InvalidDocumentId',
        `Document ID "${doc._id}" (line ${line}) is not valid: ${problem}`,
        'Rename the document (and the references to it) in the source file.',
      );
    }
    if (doc._type === '') {
      throw new ImportError(
        'MissingType',
        `Document "${doc._id ?? `on line ${line}`}" (line ${line}) has an empty "_type"`,
        'Give every document the name of its schema type.',
      );
    }
  }
}

function ensureUniqueIds(parsed: ParsedDocument[]): void {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const { doc } of parsed) {
    if (!doc._id) continue;
    if (seen.has(doc._id)) duplicates.push(doc._id);
    else seen.add(doc._id);
  }
  if (duplicates.length > 0) {
    throw new ImportError(
      'DuplicateIds',
      `Found ${duplicates.length} duplicate IDs in the source file:\n- ${duplicates.join('\n- ')}`,
      'Each document may appear once; remove or rename the duplicates.',
    );
  }
}

function ensureCdrDatasets(parsed: ParsedDocument[], existing: string[]): void {
  const wanted = new Set<string>();
  for (const { doc } of parsed) {
    for (const { object } of objectsWithKey(doc, '_ref')) {
      if (typeof object._dataset === 'string') wanted.add(object._dataset);
    }
  }
  const missing = [...wanted].filter((name) => !existing.includes(name));
  if (missing.length === 0) return;
  const many = missing.length > 1;
  throw new ImportError(
    'MissingCrossDatasetTargets',
    [
      `The data to be imported contains one or more cross-dataset references, which refers to ${many ? 'datasets' : 'a dataset'} that do not exist in the target project.`,
      many ? `Missing datasets: ${missing.map((d) => `"${d}"`).join(', ')}` : `Missing dataset: "${missing[0]}"`,
      `Either create ${many ? 'these datasets' : 'this dataset'} in the given project, or use the \`--skip-cross-dataset-references\` flag to skip these references.`,
    ].join('\n'),
    'Create the dataset(s) first (PUT /v1/datasets/<name>) or pass --skip-cross-dataset-references.',
  );
}

function cleanupReferences(doc: PreparedDocument['doc'], options: PrepareOptions): void {
  // Deepest first, so deleting a reference never invalidates a path still to visit.
  const refs = objectsWithKey(doc, '_ref').reverse();
  for (const { path, object } of refs) {
    if (options.skipCrossDatasetReferences && '_dataset' in object) {
      const parent = parentOf(doc, path);
      const leaf = path.at(-1);
      if (Array.isArray(parent) && typeof leaf === 'number') parent.splice(leaf, 1);
      else if (leaf !== undefined) delete (parent as Record<string | number, unknown>)[leaf];
      continue;
    }
    if (object._type === undefined) object._type = 'reference';
    if (object._projectId !== undefined) object._projectId = options.projectId;
  }
}
