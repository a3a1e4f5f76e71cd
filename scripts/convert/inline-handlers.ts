// mdast phrasing nodes → Portable Text spans, one handler per node type.
// Emphasis, strong, inline code and strike-through become decorators, links
// become `link` annotations, hard breaks a "\n" in the span text (soft breaks
// a space) and `:quote` directives `quotation` annotations.
import type { PhrasingContent } from 'mdast';
import type { ConvertContext } from './context.ts';
import { htmlInline } from './html-policy.ts';
import type { InlineBuilder } from './inline-builder.ts';
import type { InlineType } from './mdast-types.ts';
import { textDirective } from './quote-directive.ts';
import { softBreaksAsSpaces } from './soft-break.ts';

type Convert = (nodes: readonly PhrasingContent[]) => void;
type InlineHandler<N> = (node: N, b: InlineBuilder, ctx: ConvertContext, convert: Convert) => void;
type InlineHandlers = { [K in InlineType]: InlineHandler<Extract<PhrasingContent, { type: K }>> };

const decorate =
  (decorator: string): InlineHandler<{ children: PhrasingContent[] }> =>
  (node, b, _ctx, convert) =>
    b.withMark(decorator, () => convert(node.children));

function linkTo(href: string | undefined, children: PhrasingContent[], b: InlineBuilder, convert: Convert): void {
  if (!href) convert(children);
  else b.withMark(b.addMarkDef({ _type: 'link', href }), () => convert(children));
}

const imageInText: InlineHandler<PhrasingContent> = (node, _b, ctx) => ctx.fail('InlineImage', [], node);

export const inlineHandlers = {
  text: (node, b) => b.push(softBreaksAsSpaces(node.value)),
  emphasis: decorate('em'),
  strong: decorate('strong'),
  delete: decorate('strike-through'),
  inlineCode: (node, b) => b.withMark('code', () => b.push(node.value)),
  break: (_node, b) => b.push('\n'),
  // The link title has no place in the model; the linked words and address are kept.
  link: (node, b, _ctx, convert) => linkTo(node.url, node.children, b, convert),
  linkReference: (node, b, ctx, convert) =>
    linkTo(ctx.definitions.get(node.identifier)?.url, node.children, b, convert),
  html: htmlInline,
  image: imageInText,
  imageReference: imageInText,
  footnoteReference: (node, _b, ctx) => ctx.fail('UnsupportedNode', ['footnoteReference', 'in running text'], node),
  textDirective,
} satisfies InlineHandlers;

/** Converts phrasing content into the builder; an unknown node type is an error, never dropped. */
export function convertInline(nodes: readonly PhrasingContent[], b: InlineBuilder, ctx: ConvertContext): void {
  const convert: Convert = (children) => convertInline(children, b, ctx);
  for (const node of nodes) {
    const handler = (inlineHandlers as Partial<Record<string, InlineHandler<PhrasingContent>>>)[node.type];
    if (!handler) ctx.fail('UnsupportedNode', [node.type, 'in running text'], node);
    handler(node, b, ctx, convert);
  }
}
