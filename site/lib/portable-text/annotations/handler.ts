import type { ElementContent } from 'hast';
import type { RenderContext } from '../context.ts';

/**
 * Renders one annotation around its words. `renderChildren` renders the words
 * (and any marks inside) with the context it is given, so a handler can tell
 * its children they sit inside, say, a link.
 */
export type AnnotationHandler<M> = (
  mark: M,
  renderChildren: (ctx: RenderContext) => ElementContent[],
  ctx: RenderContext,
) => ElementContent[];
