// Raw HTML never reaches the output. Comments are editorial notes and are
// dropped without a report; any other HTML is rejected (the default) or, with
// the `strip` policy, dropped with a warning naming the line.
import type { Html } from 'mdast';
import type { ConvertContext } from './context.ts';

// One comment only: `<!-- a --><p>text</p><!-- b -->` (WordPress block markup)
// starts and ends like a comment but holds HTML between two of them.
const COMMENT = /^<!--(?:(?!-->)[\s\S])*-->$/;

function snippet(html: string): string {
  const line = html.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

export function htmlNode(node: Html, ctx: ConvertContext): void {
  if (COMMENT.test(node.value.trim())) return;
  if (ctx.html === 'reject') ctx.fail('RawHtml', [snippet(node.value)], node);
  ctx.warn('HtmlDropped', [snippet(node.value)], node);
}
