// One source text → the documents it contributes to an export: the story, its
// quote documents, its section and the people it names. Pure: no file access,
// so newsrooms can call it from their own migration scripts.
import type { ConvertContext, HtmlPolicy, ImageUse } from './context.ts';
import { createContext } from './context.ts';
import { convertError } from './errors.ts';
import type { ExportDocument, PendingStory } from './export-shapes.ts';
import { mdastToBody } from './flow-handlers.ts';
import { parseFrontMatter } from './front-matter.ts';
import { storyId } from './ids.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { parsePlainText } from './parse-plain-text.ts';
import { createPeople } from './people.ts';
import { sectionDocument, storyDocument, storySlug } from './story-document.ts';
import type { ConvertWarning } from './warnings.ts';

export type SourceFormat = 'markdown' | 'text';

export interface ConvertSourceOptions {
  source: string;
  format: SourceFormat;
  /** Named in errors and warnings. */
  file?: string;
  /** What to do with raw HTML other than comments (default: reject). */
  html?: HtmlPolicy;
}

export interface ConvertResult {
  story: PendingStory;
  /** The story first, then its quotes, section and people. */
  documents: ExportDocument[];
  images: ImageUse[];
  warnings: ConvertWarning[];
}

/** Editors on Windows often save a byte order mark, which would hide the front matter's first "---". */
const BOM = /^\uFEFF/;

const byPosition = (a: ConvertWarning, b: ConvertWarning): number =>
  (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

export function convertSource({ source, format, file, html }: ConvertSourceOptions): ConvertResult {
  const text = source.replace(BOM, '');
  const parsed = format === 'markdown' ? parseMarkdown(text) : parsePlainText(text);
  if (!parsed.frontMatter) throw convertError('FrontMatterMissing', [], { file, line: 1, column: 1 });
  const { fm, locate } = parseFrontMatter(parsed.frontMatter.text, { file, firstLine: parsed.frontMatter.firstLine });
  // Warnings about front matter values, reported before the body's.
  const frontMatterWarnings: ConvertWarning[] = [];
  const slug = storySlug(fm, locate, frontMatterWarnings);
  const people = createPeople({ locate, warnings: frontMatterWarnings });
  const ctx: ConvertContext = createContext({
    file,
    storyId: storyId(slug),
    html,
    speakers: new Map(
      Object.entries(fm.speakers ?? {}).map(([key, s]) => [
        key,
        { speaker: people.contributor(s, ['speakers', key]), ...(s.role ? { speakerRole: s.role } : {}) },
      ]),
    ),
    photoCredits: new Map(
      Object.entries(fm.photos ?? {}).map(([name, p]) => [name, people.credit(p.credit, ['photos', name, 'credit'])]),
    ),
  });
  const body = mdastToBody(parsed.root, ctx);
  if (body.length === 0) throw convertError('EmptyBody', [], { file });
  const images: ImageUse[] = [];
  const story = storyDocument({ fm, locate, slug, body, people, key: ctx.key, images });
  images.push(...ctx.images);
  const section = sectionDocument(fm.section, locate(['section']), frontMatterWarnings);
  return {
    story,
    documents: [story, ...ctx.quotes.values(), section, ...people.documents.values()],
    images,
    // Fields are visited in model order, not file order; the CLI lists warnings top to bottom.
    warnings: [...frontMatterWarnings.sort(byPosition), ...ctx.warnings],
  };
}
