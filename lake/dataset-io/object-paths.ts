export type PathSegment = string | number;
export type Found = { path: PathSegment[]; object: Record<string, unknown> };

/** Every object (at any depth, the root included) that has own property `key`. */
export function objectsWithKey(value: unknown, key: string, path: PathSegment[] = [], out: Found[] = []): Found[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      objectsWithKey(item, key, [...path, index], out);
    });
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    if (Object.hasOwn(object, key)) out.push({ path, object });
    for (const [name, child] of Object.entries(object)) objectsWithKey(child, key, [...path, name], out);
  }
  return out;
}

/** @sanity/import's path notation: `image`, `gallery[0].asset`, `deep["0"]`. */
export function serializePath(path: PathSegment[]): string {
  let out = '';
  for (const [i, part] of path.entries()) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (Number.isFinite(Number(part))) out += `["${part}"]`;
    else out += `${i === 0 ? '' : '.'}${part}`;
  }
  return out;
}

export function parentOf(root: Record<string, unknown>, path: PathSegment[]): Record<string, unknown> | unknown[] {
  let current: unknown = root;
  for (const part of path.slice(0, -1)) current = (current as Record<string | number, unknown>)[part];
  return current as Record<string, unknown> | unknown[];
}
