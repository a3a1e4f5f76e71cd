// Text blocks: one element per body style. Adding a style to the schema
// without an entry here is a type error.
import type { Element, ElementContent } from 'hast';
import type { BlockStyle, TextBlock } from '../body-types.ts';
import type { RenderContext } from '../context.ts';
import { element, textContent } from '../hast-build.ts';
import { renderInline } from '../inline.ts';

// A blockquote holds paragraphs in HTML, so its words get a `<p>` of their own.
const blockStyles = {
  normal: (children) => element('p', {}, children),
  h2: (children) => element('h2', {}, children),
  h3: (children) => element('h3', {}, children),
  blockquote: (children) => element('blockquote', {}, [element('p', {}, children)]),
} satisfies Record<BlockStyle, (children: ElementContent[]) => Element>;

const headingStyles: ReadonlySet<BlockStyle> = new Set(['h2', 'h3']);

/** The block's style; anything outside the schema is reported and read as `normal`. */
export function styleOf(block: TextBlock, ctx: RenderContext): BlockStyle {
  const style: unknown = block.style ?? 'normal';
  if (typeof style === 'string' && Object.hasOwn(blockStyles, style)) return style as BlockStyle;
  ctx.report('UnknownBlockStyle', String(style));
  return 'normal';
}

/**
 * The block's words wrapped for its style, or nothing for an empty subhead (an
 * empty heading is a hole in the page outline that screen readers announce).
 * `bare` leaves normal words unwrapped, as a list item wants them.
 */
export function renderStyled(block: TextBlock, ctx: RenderContext, bare = false): ElementContent[] {
  const style = styleOf(block, ctx);
  const children = renderInline(block, ctx);
  if (headingStyles.has(style) && !children.map(textContent).join('').trim()) {
    ctx.report('EmptyHeading', style);
    return [];
  }
  if (bare && style === 'normal') return children;
  return [blockStyles[style](children)];
}

export function renderTextBlock(block: TextBlock, ctx: RenderContext): ElementContent[] {
  return renderStyled(block, ctx);
}
