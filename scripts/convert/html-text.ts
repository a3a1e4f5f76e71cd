// The text a reader sees in a piece of HTML, for `--strip-html`: the tags go
// (each reported by the caller), the words between them stay. Block elements
// (<p>, <div>, <li>…) separate paragraphs, <br> is a hard break, whitespace
// collapses as a browser collapses it, and the content of <script>, <style>
// and the like is code, not prose, so it goes with its tags.
import { fromHtml } from 'hast-util-from-html';
import { toString as hastText } from 'hast-util-to-string';
import type { Position } from 'unist';

const TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<\?[\s\S]*?\?>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g;
const BLOCK = new Set(
  'address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul'.split(
    ' ',
  ),
);
const NOT_PROSE = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);
/** A tag that was dropped, with where it starts in the HTML. */
export interface DroppedTag {
  html: string;
  offset: number;
}

export interface HtmlText {
  /** Each paragraph as lines (joined by hard breaks); empty when the HTML holds no words. */
  paragraphs: string[][];
  tags: DroppedTag[];
}

export function htmlText(html: string): HtmlText {
  const paragraphs: string[][] = [];
  const tags: DroppedTag[] = [];
  let current = '';
  let skipping: string | undefined;
  let last = 0;
  const endParagraph = () => {
    const lines = current.split('\n').map((line) => line.trim());
    while (lines[0] === '') lines.shift();
    while (lines.at(-1) === '') lines.pop();
    if (lines.length > 0) paragraphs.push(lines);
    current = '';
  };
  for (const match of html.matchAll(TOKEN)) {
    if (!skipping) current += words(html.slice(last, match.index));
    last = match.index + match[0].length;
    const [token, closing, tagName] = match;
    if (token.startsWith('<!--')) continue;
    tags.push({ html: token, offset: match.index });
    const name = tagName?.toLowerCase();
    if (!name) continue;
    if (skipping) {
      if (closing && name === skipping) skipping = undefined;
    } else if (NOT_PROSE.has(name) && !closing && !token.endsWith('/>')) {
      skipping = name;
    } else if (name === 'br') {
      current += '\n';
    } else if (BLOCK.has(name)) {
      endParagraph();
    }
  }
  if (!skipping) current += words(html.slice(last));
  endParagraph();
  return { paragraphs, tags };
}

/**
 * Text between tags as a browser shows it: whitespace runs (line endings too)
 * are one space, also those written as entities (`&#10;`), so entities are
 * decoded first. Only `<br>` makes a line break.
 */
function words(text: string): string {
  return decodeEntities(text).replace(/[ \t\r\n\f]+/g, ' ');
}

/** Every HTML character reference decoded, as the site's HTML parser (parse5) decodes them. */
function decodeEntities(text: string): string {
  return text.includes('&') ? hastText(fromHtml(text, { fragment: true })) : text;
}

/** Where `offset` into the value of an HTML node at `at` is in the file. */
export function positionAt(html: string, offset: number, at: Position | undefined): Position | undefined {
  if (!at) return undefined;
  const before = html.slice(0, offset).split('\n');
  const line = at.start.line + before.length - 1;
  const column = before.length === 1 ? at.start.column + offset : (before.at(-1)?.length ?? 0) + 1;
  return { start: { line, column }, end: { line, column } };
}
