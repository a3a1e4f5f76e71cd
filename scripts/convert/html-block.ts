// A block of raw HTML under --strip-html: its tags are dropped (each warned)
// and its words become normal paragraphs, one per block element, so an
// archive's `<p>A whole paragraph.</p>` keeps its text as the README promises.
import type { Html, PhrasingContent } from 'mdast';
import type { ConvertContext } from './context.ts';
import type { PendingBodyMember } from './export-shapes.ts';
import { strippable, warnDropped } from './html-policy.ts';
import { htmlText } from './html-text.ts';
import { textBlock } from './text-block.ts';

export function htmlBlocks(node: Html, ctx: ConvertContext): PendingBodyMember[] {
  if (!strippable(node, ctx)) return [];
  const { paragraphs, tags } = htmlText(node.value);
  warnDropped(tags, node, ctx);
  return paragraphs.flatMap((lines) => textBlock(phrasing(lines, node), ctx, { style: 'normal' }));
}

/** The lines of a paragraph as text joined by hard breaks (a "\n" in the span text). */
function phrasing(lines: readonly string[], node: Html): PhrasingContent[] {
  const { position } = node;
  return lines.flatMap((value, i): PhrasingContent[] => {
    const text: PhrasingContent = { type: 'text', value, position };
    return i === 0 ? [text] : [{ type: 'break', position }, text];
  });
}
