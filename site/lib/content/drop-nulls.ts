/**
 * GROQ answers `null` for anything missing, even inside projections. In GROQ
 * null and absent are the same thing, so turning nulls back into absent keys
 * (and dropping null array items, such as a reference to a deleted document)
 * lets the zod schemas say "optional" once instead of "optional or null".
 */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(dropNulls);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v);
    return out;
  }
  return value;
}
