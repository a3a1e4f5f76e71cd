// A line ending inside a Markdown paragraph (a soft break, as when text is
// hard-wrapped at 80 columns) is a space to the reader, not a new line: only
// hard breaks (two trailing spaces or a backslash) become "\n". CommonMark also
// drops the spaces around a soft break, so the words are joined by one space.
const SOFT_BREAK = /[ \t]*(?:\r\n|\r|\n)[ \t]*/g;

export function softBreaksAsSpaces(text: string): string {
  return text.replace(SOFT_BREAK, ' ');
}
