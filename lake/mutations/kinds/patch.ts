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

// @sanity/mutator adds whatever it is given: `inc: {n: "x"}` turned 1 into
// "1x", and `dec` stored NaN, which SQLite then read back as null. Sanity
// refuses both, so the lake does too, naming the field.
const VALUE_RULES: Partial<Record<(typeof OPERATIONS)[number], { ok: (v: unknown) => boolean; expected: string }>> = {
  inc: { ok: (v) => typeof v === 'number' && Number.isFinite(v), expected: 'a finite number' },
  dec: { ok: (v) => typeof v === 'number' && Number.isFinite(v), expected: 'a finite number' },
  diffMatchPatch: { ok: (v) => typeof v === 'string', expected: 'a patch string' },
};

function checkValues(name: (typeof OPERATIONS)[number], value: Record<string, unknown>): void {
  const rule = VALUE_RULES[name];
  if (!rule) return;
  for (const [path, v] of Object.entries(value)) {
    if (!rule.ok(v))
      throw mutationErrors.invalid(`"patch.${name}" of "${path}" must be ${rule.expected}, got ${describe(v)}`);
  }
}

// @sanity/mutator skips an `inc` on a field holding text, or a diffMatchPatch
// on a number, and the document still got a new revision as if changed. Where
// a path is plain (`count`, `stats.views`) its target is checked first; paths
// with filters or indexes are left to the mutator.
const PLAIN_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const TARGET_RULES: Partial<Record<(typeof OPERATIONS)[number], { ok: (v: unknown) => boolean; holds: string }>> = {
  inc: { ok: (v) => typeof v === 'number', holds: 'a number' },
  dec: { ok: (v) => typeof v === 'number', holds: 'a number' },
  diffMatchPatch: { ok: (v) => typeof v === 'string', holds: 'a string' },
};

// The mutator applies setIfMissing, set and unset before diffMatchPatch, inc
// and dec, so `{set: {count: 0}, inc: {count: 1}}` on text is fine: targets
// are checked on the document as those leave it.
const FIRST = ['setIfMissing', 'set', 'unset'] as const;

function checkTargets(doc: LakeDocument, operations: Record<string, unknown>): void {
  if (!Object.keys(TARGET_RULES).some((name) => operations[name] !== undefined)) return;
  const first = Object.fromEntries(
    FIRST.filter((name) => operations[name] !== undefined).map((n) => [n, operations[n]]),
  );
  const target = Object.keys(first).length === 0 ? doc : (patched(doc, first) ?? doc);
  for (const [name, rule] of Object.entries(TARGET_RULES)) {
    for (const path of Object.keys((operations[name] as Record<string, unknown> | undefined) ?? {})) {
      if (!PLAIN_PATH.test(path)) continue;
      let value: unknown = target;
      for (const key of path.split('.')) {
        value =
          value && typeof value === 'object' && Object.hasOwn(value, key)
            ? (value as Record<string, unknown>)[key]
            : undefined;
      }
      if (value !== undefined && value !== null && !rule.ok(value)) {
        throw mutationErrors.invalidPatch(
          doc._id,
          `"${name}" needs ${rule.holds} at "${path}", which holds ${describe(value)}`,
        );
      }
    }
  }
}

function applyPatch(doc: LakeDocument, operations: Record<string, unknown>): LakeDocument {
  checkTargets(doc, operations);
  const result = patched(doc, operations);
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
