// How deep a request's JSON may nest. Content never comes near it (Portable
// Text with nested lists and marks is about a dozen levels), but a document
// nested thousands deep was parsed, then overflowed the stack when the store
// serialised it: a 500 instead of a 400 naming the request.
export const MAX_JSON_DEPTH = 200;

/** Whether `value` nests objects or arrays more than `max` levels deep; walks without recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
