import { Mutation } from '@sanity/mutator';
import type { LakeDocument } from '../../store/document.ts';
import { withArrayKeys } from '../array-keys.ts';
import { mutationErrors } from '../mutation-item-error.ts';
import type { MutationContext, MutationHandler } from '../mutation-kind.ts';
import { describe } from './document-payload.ts';
import { readSelection, selectedIds } from './selection.ts';

const OPERATIONS = ['set', 'setIfMissing', 'unset', 'inc', 'dec', 'insert', 'diffMatchPatch'] as const;
const SELECTION_KEYS = new Set(['id', 'query', 'params', 'ifRevisionID']);

/**
 * `{patch: {id | query, ifRevisionID?, set, setIfMissing, unset, inc, dec,
 * insert, diffMatchPatch}}`. The operations are applied by @sanity/mutator,
 * the engine the Studio applies locally, so both sides agree exactly.
 */
export const patch: MutationHandler = {
  permission: 'update',
  async apply(payload, context) {
    const selection = readSelection(payload, 'patch');
    const operations = readOperations(selection.body, context);
    const ifRevisionID = selection.body.ifRevisionID;
    if (ifRevisionID !== undefined && typeof ifRevisionID !== 'string') {
      throw mutationErrors.invalid(`"patch.ifRevisionID" must be a string, got ${describe(ifRevisionID)}`);
    }
    const results = [];
    for (const id of await selectedIds(selection, context)) {
      const current = context.overlay.get(id);
      if (!current) {
        // A query only selects existing documents; an id must exist.
        throw mutationErrors.notFound(id);
      }
      if (ifRevisionID !== undefined && current._rev !== ifRevisionID) {
        throw mutationErrors.revisionMismatch(id, ifRevisionID, current._rev);
      }
      context.overlay.set(id, applyPatch(current, operations));
      results.push({ id, operation: 'update' as const });
    }
    const logged =
      selection.kind === 'id' ? { id: selection.id } : { query: selection.query, params: selection.params };
    return { results, logged: { patch: { ...logged, ...(ifRevisionID ? { ifRevisionID } : {}), ...operations } } };
  },
};

function readOperations(body: Record<string, unknown>, context: MutationContext): Record<string, unknown> {
  const unknown = Object.keys(body).filter(
    (key) => !SELECTION_KEYS.has(key) && !(OPERATIONS as readonly string[]).includes(key),
  );
  if (unknown.length > 0) {
    throw mutationErrors.invalid(
      `Unknown patch operation(s) ${unknown.map((k) => `"${k}"`).join(', ')}; expected ${OPERATIONS.join(', ')}`,
    );
  }
  const operations: Record<string, unknown> = {};
  for (const name of OPERATIONS) {
    const value = body[name];
    if (value === undefined) continue;
    const expectArray = name === 'unset';
    const shapeOk = expectArray ? Array.isArray(value) && value.every((p) => typeof p === 'string') : isObject(value);
    if (!shapeOk) {
      throw mutationErrors.invalid(
        `"patch.${name}" must be ${expectArray ? 'an array of paths' : 'an object'}, got ${describe(value)}`,
      );
    }
    checkValues(name, value as Record<string, unknown>);
    const keyed = name === 'set' || name === 'setIfMissing' || name === 'insert';
    operations[name] = keyed && context.autoGenerateArrayKeys ? withArrayKeys(value) : value;
  }
  return operations;
}

// What inc, dec and diffMatchPatch work on. @sanity/mutator adds whatever it
// is given (`inc: {n: "x"}` turned 1 into "1x"; `dec` stored NaN, read back
// as null) and skips a field of another type while the document still gets a
// new revision; Sanity refuses both, so the lake does too, naming the field.
const OPERAND: Partial<Record<(typeof OPERATIONS)[number], 'number' | 'string'>> = {
  inc: 'number',
  dec: 'number',
  diffMatchPatch: 'string',
};

function checkValues(name: (typeof OPERATIONS)[number], value: Record<string, unknown>): void {
  const type = OPERAND[name];
  if (!type) return;
  for (const [path, v] of Object.entries(value)) {
    if (typeof v !== type || (type === 'number' && !Number.isFinite(v))) {
      const expected = type === 'number' ? 'a finite number' : 'a patch string';
      throw mutationErrors.invalid(`"patch.${name}" of "${path}" must be ${expected}, got ${describe(v)}`);
    }
  }
}

// Where a path is plain (`count`, `stats.views`) its field is checked; paths
// with filters or indexes are left to the mutator.
const PLAIN_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

function checkTargets(doc: LakeDocument, operations: Record<string, unknown>): void {
  for (const [name, values] of Object.entries(operations)) {
    const type = OPERAND[name as (typeof OPERATIONS)[number]];
    if (!type) continue;
    for (const path of Object.keys(values as Record<string, unknown>)) {
      if (!PLAIN_PATH.test(path)) continue;
      let value: unknown = doc;
      for (const key of path.split('.')) {
        value =
          value && typeof value === 'object' && Object.hasOwn(value, key)
            ? (value as Record<string, unknown>)[key]
            : undefined;
      }
      if (value !== undefined && value !== null && typeof value !== type) {
        throw mutationErrors.invalidPatch(
          doc._id,
          `"${name}" needs a ${type} at "${path}", which holds ${describe(value)}`,
        );
      }
    }
  }
}

// The mutator applies setIfMissing, set and unset before the others, so the
// patch is applied in those two steps, in that order, and the fields the
// second step works on are checked as the first leaves them: `{set: {count:
// 0}, inc: {count: 1}}` on a field holding text is fine.
const FIRST = new Set(['setIfMissing', 'set', 'unset']);

function applyPatch(doc: LakeDocument, operations: Record<string, unknown>): LakeDocument {
  const [first, rest] = [true, false].map((isFirst) =>
    Object.fromEntries(Object.entries(operations).filter(([name]) => FIRST.has(name) === isFirst)),
  ) as [Record<string, unknown>, Record<string, unknown>];
  const staged = Object.keys(first).length > 0 ? patched(doc, first) : doc;
  if (staged) checkTargets(staged, rest);
  const result = staged && Object.keys(rest).length > 0 ? patched(staged, rest) : staged;
  if (!result || result._id !== doc._id) {
    throw mutationErrors.invalidPatch(doc._id, 'a patch may not change or remove "_id"');
  }
  // A document without its type can be neither shown in the Studio nor
  // exported and imported again; Sanity holds `_type` immutable too.
  if (result._type !== doc._type) {
    throw mutationErrors.invalidPatch(doc._id, 'a patch may not change or remove "_type"');
  }
  return result;
}

/** `doc` with `operations` applied by @sanity/mutator; a failure names the document. */
function patched(doc: LakeDocument, operations: Record<string, unknown>): LakeDocument | null {
  try {
    return new Mutation({ mutations: [{ patch: { ...operations, id: doc._id } }] }).apply(
      doc as Parameters<Mutation['apply']>[0],
    ) as LakeDocument | null;
  } catch (error) {
    throw mutationErrors.invalidPatch(doc._id, error instanceof Error ? error.message : String(error));
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
