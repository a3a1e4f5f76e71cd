// Plain text → mdast, built directly so nothing is read as Markdown: a "*" or
// "1." stays a character. Paragraphs are separated by blank (or whitespace-only)
// lines and kept verbatim, line breaks inside them included: each is a `break`
// node (a "\n" in the span), since a line ending inside a text node is a soft
// break, which reads as a space. Line endings are normalised to "\n". Optional YAML front matter between "---" lines supplies
// the story fields, as in Markdown files.
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import type { ParsedSource } from './parse-markdown.ts';
import { withHardBreaks } from './soft-break.ts';

// Trailing spaces after a fence are invisible in an editor, and Markdown's
// front matter allows them, so plain text does too.
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;
const BLANK = /^[ \t]*$/;

export function parsePlainText(source: string): ParsedSource {
  const normalised = source.replace(/\r\n?/g, '\n');
  const match = FRONT_MATTER.exec(normalised);
  const body = match ? normalised.slice(match[0].length) : normalised;
  const bodyFirstLine = match ? match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1 : 1;
  const root: Root = { type: 'root', children: paragraphs(body.split('\n'), bodyFirstLine) };
  return match ? { root, frontMatter: { text: match[1] ?? '', firstLine: 2 } } : { root };
}

function paragraphs(lines: string[], firstLine: number): Paragraph[] {
  const out: Paragraph[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start < 0) return;
    const chunk = lines.slice(start, end);
    const position = {
      start: { line: firstLine + start, column: 1 },
      end: { line: firstLine + end - 1, column: (chunk.at(-1)?.length ?? 0) + 1 },
    };
    out.push({ type: 'paragraph', position, children: lineNodes(chunk, firstLine + start) });
    start = -1;
  };
  lines.forEach((line, i) => {
    if (BLANK.test(line)) close(i);
    else if (start < 0) start = i;
  });
  close(lines.length);
  return out;
}

/** The lines of one paragraph as text nodes joined by hard breaks. */
function lineNodes(chunk: readonly string[], firstLine: number): PhrasingContent[] {
  return withHardBreaks(
    chunk.map((value, i) => {
      const line = firstLine + i;
      return { type: 'text', value, position: { start: { line, column: 1 }, end: { line, column: value.length + 1 } } };
    }),
  );
}
