// Markdown → mdast with the syntax extensions the converter understands:
// YAML front matter, GFM (so tables and footnotes are recognised and reported
// rather than read as text) and directives for attributed quotes.
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface ParsedSource {
  root: Root;
  /** The YAML text and the file line it starts on. */
  frontMatter?: { text: string; firstLine: number };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(source: string): ParsedSource {
  const root = processor.runSync(processor.parse(source)) as Root;
  const first = root.children[0];
  if (first?.type !== 'yaml') return { root };
  return { root, frontMatter: { text: first.value, firstLine: (first.position?.start.line ?? 1) + 1 } };
}
