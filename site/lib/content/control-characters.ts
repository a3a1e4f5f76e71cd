// Control characters in editors' text: a vertical tab from a word processor's
// line break, a bell or a start-of-heading from a terminal or an old export.
// They print as nothing, but HTML forbids them, and the deploy refuses any
// page that does not parse cleanly; so they never reach a page. Tab, line feed
// and carriage return are ordinary text and stay. A vertical tab or a form
// feed separated words, so it becomes a space; the others are removed.
import { fieldPath } from './document-problems.ts';

// C0 controls but tab, LF and CR, and DEL. One precompiled test per string:
// a 10k-story build tests millions of them, and almost none has one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** The text with vertical tabs and form feeds as spaces and the other control characters removed. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROLS, (c) => (c === '\u000B' || c === '\u000C' ? ' ' : ''));
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
