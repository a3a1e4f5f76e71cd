// Control characters in editors' text: a vertical tab from a word processor's
// line break, a bell or a start-of-heading from a terminal or an old export.
// They print as nothing, but HTML forbids them, and the deploy refuses any
// page that does not parse cleanly; so they never reach a page. Tab, line feed
// and carriage return are ordinary text and stay. A vertical tab or a form
// feed separated words, so it becomes a space; the others are removed.
//
// The C1 controls (U+0080–U+009F) come almost always from Word text whose
// Windows-1252 bytes were read as Latin-1: U+0092 was an apostrophe, U+0096 a
// dash. Those are put back as the characters meant; the five codes
// Windows-1252 leaves unused are removed. Noncharacters (U+FDD0–U+FDEF,
// U+FFFE, U+FFFF), which HTML forbids too, are removed.
import { fieldPath } from './document-problems.ts';

// One precompiled test per string: a 10k-story build tests millions of them,
// and almost none has one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;

// What Windows-1252 means by 0x80–0x9F, in order; '' where it means nothing
// (the WHATWG decoder then gives back the C1 control itself).
const WINDOWS_1252 = [
  ...new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i)),
].map((c) => (c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0x9f ? '' : c));

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** The text with vertical tabs and form feeds as spaces, C1 controls as Windows-1252 meant them, and the others removed. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROLS, (c) => {
    if (c === '\u000B' || c === '\u000C') return ' ';
    const code = c.charCodeAt(0);
    return code >= 0x80 && code <= 0x9f ? (WINDOWS_1252[code - 0x80] as string) : '';
  });
}

/**
 * Where a document's strings hold control characters (`headline`,
 * `body[_key=="p1"].children[_key=="s1"].text`), to tell the editor. Only for
 * a document already found to have some: it builds a path for every value.
 */
export function controlCharacterPaths(doc: unknown): string[] {
  const paths: string[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      if (hasControlCharacters(value)) paths.push(fieldPath(doc, path));
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], [...path, i]);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(doc, []);
  return paths;
}
