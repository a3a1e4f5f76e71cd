// The words of a text block: spans with decorators and annotations, nested by
// the toolkit's buildMarksTree so a link over bold words is one `<a>`, not three.
import { buildMarksTree, type ToolkitNestedPortableTextSpan, type ToolkitTextNode } from '@portabletext/toolkit';
import type { ElementContent } from 'hast';
import type { AnnotationHandler } from './annotations/handler.ts';
import { annotationHandlers, isKnownAnnotation } from './annotations/index.ts';
import type { Decorator, MarkDef, TextBlock } from './body-types.ts';
import type { RenderContext } from './context.ts';
import { element, textWithBreaks } from './hast-build.ts';

// Elements that mean something without CSS, so feeds and reader modes keep
// them: `<u>` rather than a styled span (style attributes are never emitted),
// and `<s>` ("no longer accurate") rather than `<del>` (an edit with a date).
const decoratorElements = {
  strong: 'strong',
  em: 'em',
  code: 'code',
  underline: 'u',
  'strike-through': 's',
} satisfies Record<Decorator, string>;

function isDecorator(mark: string): mark is Decorator {
  return Object.hasOwn(decoratorElements, mark);
}

type MarksNode = ToolkitNestedPortableTextSpan<MarkDef> | ToolkitTextNode | { _type: string };

function renderNode(node: MarksNode, ctx: RenderContext): ElementContent[] {
  if (node._type === '@text') return textWithBreaks((node as ToolkitTextNode).text);
  if (node._type === '@span') return renderMarked(node as ToolkitNestedPortableTextSpan<MarkDef>, ctx);
  // The body schema has no inline objects; one here comes from outside the model.
  ctx.report('UnknownInlineObject', String(node._type));
  return [];
}

function renderMarked(span: ToolkitNestedPortableTextSpan<MarkDef>, ctx: RenderContext): ElementContent[] {
  const renderChildren = (inner: RenderContext) => span.children.flatMap((child) => renderNode(child, inner));
  const markDef = span.markDef;
  if (markDef) {
    if (!isKnownAnnotation(markDef._type)) {
      ctx.report('UnknownAnnotation', String(markDef._type));
      return renderChildren(ctx);
    }
    // The map is keyed by `_type`, so the handler matches the mark it is given.
    const handler = annotationHandlers[markDef._type] as AnnotationHandler<MarkDef>;
    return handler(markDef, renderChildren, ctx);
  }
  if (!isDecorator(span.markType)) {
    ctx.report('UnknownMark', span.markType);
    return renderChildren(ctx);
  }
  return [element(decoratorElements[span.markType], {}, renderChildren(ctx))];
}

/** The block's words as hast, with every mark applied or reported. */
export function renderInline(block: TextBlock, ctx: RenderContext): ElementContent[] {
  const children: unknown = block.children;
  if (!Array.isArray(children)) return [];
  return buildMarksTree<MarkDef>(block).flatMap((node) => renderNode(node, ctx));
}
