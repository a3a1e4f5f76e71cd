// Step one of the pipeline: Portable Text → hast. One handler per body member
// type; anything else is reported by name (`_key`, `_type`) and left out, so a
// block the renderer does not understand never reaches readers half-drawn.
import type { ElementContent, Root } from 'hast';
import type { BodyMember, BodyMemberType } from './body-types.ts';
import { createDiagnosticsCollector, type RenderContext } from './context.ts';
import { type Diagnostic, PortableTextError, WHOLE_BODY } from './diagnostics.ts';
import { renderTextBlock } from './handlers/block.ts';
import { renderList } from './handlers/list.ts';
import { renderPhoto } from './handlers/photo.ts';
import { renderPullQuote } from './handlers/pull-quote.ts';
import { type ListNode, nestLists } from './nest-lists.ts';
import type { RenderOptions } from './options.ts';

type BodyHandler<M> = (member: M, ctx: RenderContext) => ElementContent[];

export const bodyHandlers = {
  block: renderTextBlock,
  pullQuote: renderPullQuote,
  photo: renderPhoto,
} satisfies { [T in BodyMemberType]: BodyHandler<Extract<BodyMember, { _type: T }>> };

function isKnownMember(type: unknown): type is BodyMemberType {
  return typeof type === 'string' && Object.hasOwn(bodyHandlers, type);
}

function renderMember(node: BodyMember | ListNode, ctx: RenderContext): ElementContent[] {
  if (node._type === '@list') return [renderList(node, ctx)];
  if (!isKnownMember(node._type)) {
    ctx.report('UnknownBlockType');
    return [];
  }
  // The map is keyed by `_type`, so the handler matches the member it is given.
  const handler = bodyHandlers[node._type] as BodyHandler<BodyMember>;
  return handler(node, ctx);
}

function isObject(value: unknown): value is BodyMember {
  return typeof value === 'object' && value !== null;
}

export interface HastResult {
  tree: Root;
  diagnostics: Diagnostic[];
}

/**
 * Portable Text → hast, before any rehype plugin runs. Problems are returned
 * as diagnostics (or thrown as a PortableTextError when `options.strict`).
 */
export function toHast(body: readonly BodyMember[], options: RenderOptions): HastResult {
  const collector = createDiagnosticsCollector(options);
  const list: unknown = body;
  if (!Array.isArray(list)) {
    collector.contextFor({ _key: WHOLE_BODY, _type: typeof list }).report('BodyNotAList', String(list));
    return { tree: { type: 'root', children: [] }, diagnostics: collector.diagnostics };
  }
  const members = body.filter((member, index) => {
    if (isObject(member)) return true;
    collector.contextFor({ _key: `(item ${index})` }).report('UnknownBlockType');
    return false;
  });
  const children: ElementContent[] = [];
  for (const node of nestLists(members)) {
    const ctx = collector.contextFor(node._type === '@list' ? node.first : node);
    try {
      children.push(...renderMember(node, ctx));
    } catch (error) {
      if (error instanceof PortableTextError) throw error;
      // A failing block costs the page that block, never the build.
      ctx.report('BlockRenderFailed', error instanceof Error ? error.message : String(error));
    }
  }
  return { tree: { type: 'root', children }, diagnostics: collector.diagnostics };
}
