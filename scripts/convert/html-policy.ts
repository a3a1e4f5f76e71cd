// Raw HTML never reaches the output. Comments are editorial notes and are
// dropped without a report; any other HTML is rejected (the default) or, with
// the `strip` policy, its tags are dropped with a warning naming the line while
// the words between them stay (see html-text.ts); <br> becomes a hard break.
import type { Html } from 'mdast';
import type { ConvertContext } from './context.ts';
import { type DroppedTag, positionAt } from './html-text.ts';
import type { InlineBuilder } from './inline-builder.ts';

// One comment only: `<!-- a --><p>text</p><!-- b -->` (WordPress block markup)
// starts and ends like a comment but holds HTML between two of them.
const COMMENT = /^(?:<!--(?:(?!-->)[\s\S])*-->\s*)+$/;
const BREAK = /^<br\s*\/?>$/i;

function snippet(html: string): string {
  const line = html.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** False for a lone comment (nothing to convert); a RawHtml error unless the policy is strip. */
export function strippable(node: Html, ctx: ConvertContext): boolean {
  if (COMMENT.test(node.value.trim())) return false;
  if (ctx.html === 'reject') ctx.fail('RawHtml', [snippet(node.value)], node);
  return true;
}

/** One HtmlDropped warning per tag, at the tag's own line. */
export function warnDropped(tags: readonly DroppedTag[], node: Html, ctx: ConvertContext): void {
  for (const tag of tags) {
    if (BREAK.test(tag.html)) continue;
    const position = positionAt(node.value, tag.offset, node.position);
    ctx.warn('HtmlDropped', [snippet(tag.html)], { type: 'html', ...(position ? { position } : {}) });
  }
}

/** Inline HTML is one tag (or comment) per node, so <br> is told apart by its whole text. */
export function htmlInline(node: Html, b: InlineBuilder, ctx: ConvertContext): void {
  if (!strippable(node, ctx)) return;
  if (BREAK.test(node.value.trim())) b.push('\n');
  else warnDropped([{ html: node.value, offset: 0 }], node, ctx);
}
