// mdast flow nodes → Portable Text body members, one handler per node type.
// Decisions for what the story model cannot hold are documented in README.md.
import type { Blockquote, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ConvertContext } from './context.ts';
import type { PendingBodyMember } from './export-shapes.ts';
import { htmlBlocks } from './html-block.ts';
import { listBlocks } from './list.ts';
import type { FlowNode, FlowType } from './mdast-types.ts';
import { photoBlocks } from './photo.ts';
import { pullQuoteBlocks } from './pull-quote.ts';
import { textBlock } from './text-block.ts';

type FlowHandler<N> = (node: N, ctx: ConvertContext) => PendingBodyMember[];
type FlowHandlers = { [K in FlowType]: FlowHandler<Extract<FlowNode, { type: K }>> };

/** Paragraphs in a quote become blockquote blocks; nested quotes flatten into the same style. */
function blockquoteBlocks(node: Blockquote, ctx: ConvertContext): PendingBodyMember[] {
  return node.children.flatMap((child) => {
    if (child.type === 'paragraph') return textBlock(child.children, ctx, { style: 'blockquote' });
    if (child.type === 'blockquote') return blockquoteBlocks(child, ctx);
    return ctx.fail('UnsupportedNode', [child.type, 'inside a block quote'], child);
  });
}

export const flowHandlers = {
  paragraph: (node, ctx) => photoBlocks(node, ctx) ?? textBlock(node.children, ctx, { style: 'normal' }),
  // The headline comes from front matter, so a "#" heading in the body is a subhead like "##".
  heading: (node, ctx) => {
    if (node.depth > 3) ctx.warn('HeadingLowered', [node.depth], node);
    return textBlock(node.children, ctx, { style: node.depth <= 2 ? 'h2' : 'h3' });
  },
  list: (node, ctx) => listBlocks(node, ctx),
  blockquote: blockquoteBlocks,
  code: (node, ctx) => {
    ctx.warn('CodeBlockFlattened', [], node);
    return textBlock([{ type: 'inlineCode', value: node.value, position: node.position }], ctx, { style: 'normal' });
  },
  html: htmlBlocks,
  table: (node, ctx) => ctx.fail('TableNotSupported', [], node),
  thematicBreak: (node, ctx) => {
    ctx.warn('ThematicBreakDropped', [], node);
    return [];
  },
  leafDirective: pullQuoteBlocks,
  containerDirective: pullQuoteBlocks,
  // Definitions are read before the body (references may come first) and print nothing.
  definition: () => [],
  footnoteDefinition: (node, ctx) => ctx.fail('UnsupportedNode', ['footnoteDefinition', 'in the body'], node),
  // Front matter is read before the body.
  yaml: () => [],
} satisfies FlowHandlers;

/** The story body from a document tree; an unknown node type is an error, never dropped. */
export function mdastToBody(root: Root, ctx: ConvertContext): PendingBodyMember[] {
  visit(root, 'definition', (d) => {
    if (!ctx.definitions.has(d.identifier)) ctx.definitions.set(d.identifier, { url: d.url, title: d.title });
  });
  return root.children.flatMap((node) => {
    const handler = (flowHandlers as Partial<Record<string, FlowHandler<typeof node>>>)[node.type];
    if (!handler) return ctx.fail('UnsupportedNode', [node.type, 'in the body'], node);
    return handler(node, ctx);
  });
}
