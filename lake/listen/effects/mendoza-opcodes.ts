// The opcodes of mendoza's patch format, as its decoder reads them
// (mendoza/src/internal-patcher.ts). Only the ones the encoder emits are named.

export const op = {
  /** `[0, value]`: the result is `value`, whatever the input (whole-value replace). */
  value: 0,
  /** `[10, idx]`: descend into input field `idx` (of the sorted keys); output starts as a copy of it. */
  pushFieldCopy: 10,
  /** `[11, idx]`: descend into input field `idx`; output starts empty (strings and arrays are rebuilt). */
  pushFieldBlank: 11,
  /** `[12, idx]`: descend into input element `idx`; output starts as a copy of it. */
  pushElementCopy: 12,
  /** `[15]`: put the output under the key it was read from and ascend. */
  returnIntoObjectSameKeyPop: 15,
  /** `[16]`: append the output to the parent array and ascend. */
  returnIntoArrayPop: 16,
  /** `[17, value, key]`: set `key` to `value`. */
  objectSetFieldValue: 17,
  /** `[19, idx]`: delete input field `idx` (of the sorted keys). */
  objectDeleteField: 19,
  /** `[20, value]`: append `value` to the output array. */
  arrayAppendValue: 20,
  /** `[21, left, right]`: append input elements `left..right-1`. */
  arrayAppendSlice: 21,
  /** `[22, text]`: append text to the output string. */
  stringAppendString: 22,
  /** `[23, left, right]`: append input bytes `left..right-1` (UTF-8 byte offsets). */
  stringAppendSlice: 23,
} as const;

/** A mendoza patch: a flat list of opcodes and their operands. */
export type MendozaPatch = unknown[];
