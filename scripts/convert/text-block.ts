// One Portable Text block from phrasing content: a paragraph, subhead, list
// item or block-quote line.
import type { PhrasingContent } from 'mdast';
import type { ConvertContext } from './context.ts';
import type { Block } from './export-shapes.ts';
import { createInlineBuilder } from './inline-builder.ts';
import { convertInline } from './inline-handlers.ts';

export type BlockProps = Pick<Block, 'style' | 'listItem' | 'level'>;

/** The block, or nothing when its content has no visible text (an HTML comment alone, say). */
export function textBlock(nodes: readonly PhrasingContent[], ctx: ConvertContext, props: BlockProps): Block[] {
  const _key = ctx.nextBlockKey();
  const builder = createInlineBuilder(_key, ctx.key);
  convertInline(nodes, builder, ctx);
  const { children, markDefs } = builder.build();
  if (!children.some((span) => span.text.trim())) return [];
  return [{ _type: 'block', _key, ...props, markDefs, children }];
}
