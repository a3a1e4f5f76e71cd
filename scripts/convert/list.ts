// Lists flatten into blocks carrying listItem (bullet or number) and level,
// the nesting depth starting at 1, as Portable Text represents them.
import type { List } from 'mdast';
import type { ConvertContext } from './context.ts';
import type { PendingBodyMember } from './export-shapes.ts';
import { textBlock } from './text-block.ts';

export function listBlocks(list: List, ctx: ConvertContext, level = 1): PendingBodyMember[] {
  const listItem = list.ordered ? 'number' : 'bullet';
  // Portable Text numbers every list from 1, so "5." (or a list resumed after a
  // paragraph at "3.") would silently print different numbers.
  if (list.ordered && typeof list.start === 'number' && list.start !== 1)
    ctx.warn('ListNumberingLost', [list.start], list);
  const out: PendingBodyMember[] = [];
  for (const item of list.children) {
    if (typeof item.checked === 'boolean') ctx.warn('TaskStateDropped', [], item);
    let paragraphs = 0;
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        if (++paragraphs === 2) ctx.warn('ListParagraphSplit', [], child);
        out.push(...textBlock(child.children, ctx, { style: 'normal', listItem, level }));
      } else if (child.type === 'list') {
        out.push(...listBlocks(child, ctx, level + 1));
      } else {
        ctx.fail('UnsupportedNode', [child.type, 'inside a list item'], child);
      }
    }
  }
  return out;
}
