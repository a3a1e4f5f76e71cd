// What every loaded document passes through before it is validated: the one
// walk over all its values, so the two clean-ups that need every value share it.
//
// GROQ answers `null` for anything missing, even inside projections. In GROQ
// null and absent are the same thing, so turning nulls back into absent keys
// (and dropping null array items, such as a reference to a deleted document)
// lets the zod schemas say "optional" once instead of "optional or null".
//
// Control characters pasted into editors' text are taken out of every string
// (see control-characters.ts), so no page, feed or search record gets them.
//
// Plain loops: every document of a load passes through here on the build's
// busiest thread, and filter/map/Object.entries took about twice as long.
import { hasControlCharacters, withoutControlCharacters } from './control-characters.ts';

/** What a walk found, for the caller to report. */
export type Cleaning = { controlCharacters: boolean };

export function cleanValues(value: unknown, cleaning: Cleaning = { controlCharacters: false }): unknown {
  if (typeof value === 'string') {
    if (!hasControlCharacters(value)) return value;
    cleaning.controlCharacters = true;
    return withoutControlCharacters(value);
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) if (item !== null) out.push(cleanValues(item, cleaning));
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== null) out[key] = cleanValues(v, cleaning);
    }
    return out;
  }
  return value;
}
