// Deliberate degradations: content the model cannot hold exactly is converted
// to the nearest shape or dropped, and every such case is reported so a
// migration never loses text silently. See README.md for each decision.
import { locationOf, type Where } from './errors.ts';

export const convertWarnings = {
  ThematicBreakDropped: () => 'A thematic break (---) was dropped: stories have no divider block.',
  HeadingLowered: (depth: number) => `A level-${depth} heading became an h3 subhead.`,
  CodeBlockFlattened: () => 'A code block became a paragraph in the code style.',
  HtmlDropped: (html: string) => `HTML was dropped (--strip-html): ${html}`,
  TaskStateDropped: () => 'A task-list checkbox was dropped; the item is kept as a bullet.',
  ListParagraphSplit: () => 'A list item with several paragraphs became several list items.',
  ListNumberingLost: (start: number) =>
    `A numbered list starting at ${start} will be numbered from 1: Portable Text lists have no start number.`,
  SlugGenerated: (kind: string, name: string, slug: string) =>
    `No readable slug can be spelt from the ${kind} "${name}", so it gets "${slug}"; set a better one in the Studio.`,
} as const satisfies Record<string, (...args: never[]) => string>;

export type ConvertWarningName = keyof typeof convertWarnings;

export interface ConvertWarning {
  name: ConvertWarningName;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

type Args<N extends ConvertWarningName> = Parameters<(typeof convertWarnings)[N]>;

export function convertWarning<N extends ConvertWarningName>(name: N, args: Args<N>, at: Where): ConvertWarning {
  const message = (convertWarnings[name] as (...a: Args<N>) => string)(...args);
  return { name, message, ...locationOf(at) };
}

export function formatWarning(w: ConvertWarning): string {
  const where = [w.file, w.line, w.column].filter((p) => p !== undefined).join(':');
  return `${where ? `${where} ` : ''}warning ${w.name}: ${w.message}`;
}
