// A mendoza encoder (npm's `mendoza` only decodes). It emits the patch that
// turns `before` into `after`: per field for objects (recursively), per
// element for arrays (keyed by `_key`, runs of unchanged elements copied as
// slices) and common prefix/suffix slices for strings. Wherever a nested
// patch would be larger than the new value itself, the value is written
// whole, which is always valid. Per-field patches let the Studio's history
// attribute each change to the transaction that made it.
import { isDeepStrictEqual } from 'node:util';
import { type MendozaPatch, op } from './mendoza-opcodes.ts';
import { stringPatch } from './string-patch.ts';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The patch that turns `before` into `after` (both JSON values). */
export function encodePatch(before: unknown, after: unknown): MendozaPatch {
  if (isObject(before) && isObject(after)) return objectPatch(before, after);
  return isDeepStrictEqual(before, after) ? [] : [op.value, after];
}

/** Operations on the object at the top of the stacks (the input is `before`, the output a copy of it). */
function objectPatch(before: JsonObject, after: JsonObject): MendozaPatch {
  // Field indexes refer to the input's keys in JS default sort order, as the decoder sorts them.
  const keys = Object.keys(before).sort();
  const indexOf = new Map(keys.map((key, index) => [key, index]));
  const patch: MendozaPatch = [];
  for (const [index, key] of keys.entries()) {
    if (!Object.hasOwn(after, key)) patch.push(op.objectDeleteField, index);
  }
  for (const [key, value] of Object.entries(after)) {
    const index = indexOf.get(key);
    if (index === undefined) patch.push(op.objectSetFieldValue, value, key);
    else if (!isDeepStrictEqual(before[key], value)) patch.push(...fieldPatch(before[key], value, index, key));
  }
  return patch;
}

function fieldPatch(before: unknown, after: unknown, index: number, key: string): MendozaPatch {
  const whole = [op.objectSetFieldValue, after, key];
  let nested: MendozaPatch | undefined;
  if (isObject(before) && isObject(after)) {
    nested = [op.pushFieldCopy, index, ...objectPatch(before, after), op.returnIntoObjectSameKeyPop];
  } else if (Array.isArray(before) && Array.isArray(after) && after.length > 0) {
    // A blank output that receives nothing decodes as null, so an emptied array is written whole.
    nested = [op.pushFieldBlank, index, ...arrayPatch(before, after), op.returnIntoObjectSameKeyPop];
  } else if (typeof before === 'string' && typeof after === 'string' && after !== '') {
    const slices = stringPatch(before, after);
    if (slices) nested = [op.pushFieldBlank, index, ...slices, op.returnIntoObjectSameKeyPop];
  }
  return nested && size(nested) < size(whole) ? nested : whole;
}

/** Rebuilds an array into a blank output: unchanged runs as slices, changed objects patched in place. */
function arrayPatch(before: unknown[], after: unknown[]): MendozaPatch {
  const byKey = keyIndex(before);
  const patch: MendozaPatch = [];
  let run: [number, number] | undefined;
  const flush = () => {
    if (run) patch.push(op.arrayAppendSlice, run[0], run[1]);
    run = undefined;
  };
  for (const [position, item] of after.entries()) {
    const key = isObject(item) && typeof item._key === 'string' ? item._key : undefined;
    const source = key !== undefined ? byKey?.get(key) : position < before.length ? position : undefined;
    if (source !== undefined && isDeepStrictEqual(before[source], item)) {
      if (run && run[1] === source) run[1]++;
      else {
        flush();
        run = [source, source + 1];
      }
      continue;
    }
    flush();
    const previous = source === undefined ? undefined : before[source];
    const whole = [op.arrayAppendValue, item];
    if (source !== undefined && isObject(previous) && isObject(item)) {
      const nested = [op.pushElementCopy, source, ...objectPatch(previous, item), op.returnIntoArrayPop];
      patch.push(...(size(nested) < size(whole) ? nested : whole));
    } else {
      patch.push(...whole);
    }
  }
  flush();
  return patch;
}

/** `_key` → index when every keyed element's key is unique (Portable Text, arrays of objects). */
function keyIndex(items: unknown[]): Map<string, number> | undefined {
  const map = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    if (!isObject(item) || typeof item._key !== 'string') continue;
    if (map.has(item._key)) return undefined;
    map.set(item._key, index);
  }
  return map;
}

function size(patch: MendozaPatch): number {
  return JSON.stringify(patch).length;
}
