// Generic traversal of groq-js syntax trees. groq-js exports node types but no
// walker; every child node is an object with a string `type`, directly or in
// an array. `Value` nodes are leaves: their payload is data, not syntax.

export type Node = { type: string; [key: string]: unknown };

export function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Node).type === 'string'
  );
}

/** The direct child nodes of `node`, with the property they sit under. */
export function children(node: Node): { key: string; child: Node }[] {
  if (node.type === 'Value') return [];
  const out: { key: string; child: Node }[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (isNode(value)) out.push({ key, child: value });
    else if (Array.isArray(value)) for (const item of value) if (isNode(item)) out.push({ key, child: item });
  }
  return out;
}

/** A copy of `node` with every child replaced by `map(child, key)` (async, post-order friendly). */
export async function mapChildren(node: Node, map: (child: Node, key: string) => Promise<Node>): Promise<Node> {
  if (node.type === 'Value') return node;
  const copy: Node = { ...node };
  for (const [key, value] of Object.entries(node)) {
    if (isNode(value)) copy[key] = await map(value, key);
    else if (Array.isArray(value) && value.some(isNode)) {
      const items: unknown[] = [];
      for (const item of value) items.push(isNode(item) ? await map(item, key) : item);
      copy[key] = items;
    }
  }
  return copy;
}

/** Every node in the tree, depth first. */
export function* walk(node: Node): Generator<Node> {
  yield node;
  for (const { child } of children(node)) yield* walk(child);
}

export const valueNode = (value: unknown): Node => ({ type: 'Value', value });
