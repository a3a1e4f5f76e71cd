// Lets the build say when it needs the content host no more: every collection
// is loaded and every image original is cached. Whoever started an embedded
// lake for this build alone (scripts/support/site-build.ts) registers how to
// stop it, and so frees its memory while the pages render. A host the build
// does not own (hosted Sanity, the lake npm start runs) is left alone: nothing
// is registered for it. On globalThis: the integration that calls it and the
// script that registers run in one process but may load separate copies.
const KEY = Symbol.for('newsroom.releaseContentHost');

type Slot = { [KEY]?: () => void };

/** Registers what to do once the build no longer needs the content host; returns a function that unregisters. */
export function onContentHostReleased(release: () => void): () => void {
  (globalThis as Slot)[KEY] = release;
  return () => {
    if ((globalThis as Slot)[KEY] === release) delete (globalThis as Slot)[KEY];
  };
}

/** Whether anything waits to be told (a lake this build owns); if not, there is nothing to prepare for. */
export function contentHostReleasable(): boolean {
  return (globalThis as Slot)[KEY] !== undefined;
}

export function releaseContentHost(): void {
  const release = (globalThis as Slot)[KEY];
  delete (globalThis as Slot)[KEY];
  release?.();
}
