// How many image renders run at once. sharp encodes on libuv's thread pool
// (four threads), the pool every file read and write of the lake also waits
// for: four large AVIF variants at once (~40 s each) held all four threads,
// and serving an original image (a plain file read) took 37 s. Renders past
// the slots wait their turn, so the pool always has threads for files.

export type RenderSlots = {
  /** Runs `render` once a slot is free; the slot is free again when it settles. */
  run<T>(render: () => Promise<T>): Promise<T>;
};

export function renderSlots(slots: number): RenderSlots {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(render) {
      if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        return await render();
      } finally {
        // Hand the slot straight to the next in line, or free it.
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}
