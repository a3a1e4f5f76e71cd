// Portable Text stores lists flat: each item is a block with `listItem` and
// `level`. HTML needs them nested, a deeper list inside the item before it.
// The toolkit's nestLists (v6) invents an empty item for every skipped level,
// which prints a stray bullet; editors skip levels by accident, so here a
// deeper item always nests exactly one list down from the item above it.
import type { BodyMember, TextBlock } from './body-types.ts';

export interface ListNode {
  readonly _type: '@list';
  readonly listType: string;
  readonly level: number;
  /** The first item, so diagnostics about the list can name a block. */
  readonly first: TextBlock;
  readonly items: ListItemNode[];
}

export interface ListItemNode {
  readonly block: TextBlock;
  readonly sublists: ListNode[];
}

function listItemOf(member: BodyMember): TextBlock | undefined {
  return member._type === 'block' && typeof member.listItem === 'string' ? member : undefined;
}

function levelOf(block: TextBlock): number {
  return typeof block.level === 'number' && block.level >= 1 ? block.level : 1;
}

function newList(block: TextBlock, level: number): ListNode {
  return { _type: '@list', listType: block.listItem ?? '', level, first: block, items: [{ block, sublists: [] }] };
}

/** The body with each run of list items replaced by its tree of lists. */
export function nestLists(body: readonly BodyMember[]): (BodyMember | ListNode)[] {
  const out: (BodyMember | ListNode)[] = [];
  // The lists currently open, outermost first.
  let open: ListNode[] = [];
  for (const member of body) {
    const item = listItemOf(member);
    if (!item) {
      out.push(member);
      open = [];
      continue;
    }
    const level = levelOf(item);
    while (open.length > 0 && (open.at(-1)?.level ?? 0) > level) open.pop();
    const top = open.at(-1);
    if (top && top.level === level && top.listType === item.listItem) {
      top.items.push({ block: item, sublists: [] });
      continue;
    }
    // Same level, other list type: that list ends and a sibling list begins.
    if (top && top.level === level) open.pop();
    const list = newList(item, level);
    const parent = open.at(-1)?.items.at(-1);
    if (parent) parent.sublists.push(list);
    else out.push(list);
    open.push(list);
  }
  return out;
}
