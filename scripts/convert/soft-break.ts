import type { PhrasingContent, Text } from 'mdast';

// A line ending inside a Markdown paragraph (a soft break, as when text is
// hard-wrapped at 80 columns) is a space to the reader, not a new line: only
// hard breaks (two trailing spaces or a backslash) become "\n". CommonMark also
// drops the spaces around a soft break, so the words are joined by one space.
const SOFT_BREAK = /[ \t]*(?:\r\n|\r|\n)[ \t]*/g;

export function softBreaksAsSpaces(text: string): string {
  return text.replace(SOFT_BREAK, ' ');
}

/** The lines of one paragraph (text nodes) with a hard break between each two: a "\n" in the span text. */
export function withHardBreaks(lines: readonly Text[]): PhrasingContent[] {
  return lines.flatMap((text, i): PhrasingContent[] =>
    i === 0 ? [text] : [{ type: 'break', position: text.position }, text],
  );
}
