// Nested lists (see nest-lists.ts) → `<ul>`/`<ol>`. A list item keeps its
// style inside the `<li>`, as the Portable Text reference renderer does.
import type { Element } from 'hast';
import type { ListType } from '../body-types.ts';
import type { RenderContext } from '../context.ts';
import { element } from '../hast-build.ts';
import type { ListItemNode, ListNode } from '../nest-lists.ts';
import { renderStyled } from './block.ts';

const listElements = {
  bullet: 'ul',
  number: 'ol',
} satisfies Record<ListType, string>;

function renderItem(item: ListItemNode, ctx: RenderContext): Element {
  const itemCtx = ctx.forBlock(item.block);
  const sublists = item.sublists.map((list) => renderList(list, ctx.forBlock(list.first)));
  return element('li', {}, [...renderStyled(item.block, itemCtx, true), ...sublists]);
}

/** `ctx` names the list's first item, which is where an unknown list type is reported. */
export function renderList(list: ListNode, ctx: RenderContext): Element {
  let tagName = 'ul';
  if (Object.hasOwn(listElements, list.listType)) tagName = listElements[list.listType as ListType];
  else ctx.report('UnknownListType', list.listType);
  return element(
    tagName,
    {},
    list.items.map((item) => renderItem(item, ctx)),
  );
}
