// A block of raw HTML under --strip-html: its tags are dropped (each warned)
// and its words become normal paragraphs, one per block element, so an
// archive's `<p>A whole paragraph.</p>` keeps its text as the README promises.
import type { Html } from 'mdast';
import type { ConvertContext } from './context.ts';
import type { PendingBodyMember } from './export-shapes.ts';
import { strippable, warnDropped } from './html-policy.ts';
import { htmlText } from './html-text.ts';
import { withHardBreaks } from './soft-break.ts';
import { textBlock } from './text-block.ts';

export function htmlBlocks(node: Html, ctx: ConvertContext): PendingBodyMember[] {
  if (!strippable(node, ctx)) return [];
  const { paragraphs, tags } = htmlText(node.value);
  warnDropped(tags, node, ctx);
  const { position } = node;
  return paragraphs.flatMap((lines) =>
    textBlock(withHardBreaks(lines.map((value) => ({ type: 'text', value, position }))), ctx, { style: 'normal' }),
  );
}
