// State that must be one per build process. Astro loads the loaders, the
// integrations and the page bundle as separate copies of the same modules, so
// a plain module-level variable would be several; this keeps one on
// globalThis under a registered symbol.
export function processShared<T>(name: string, create: () => T): T {
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`newsroom.${name}`);
  let value = slots[key];
  if (value === undefined) {
    value = create();
    slots[key] = value;
  }
  return value;
}
