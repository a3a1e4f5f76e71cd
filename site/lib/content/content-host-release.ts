// Lets the build say when it needs the content host no more: every collection
// is loaded and every image original is cached. Whoever started an embedded
// lake for this build alone (scripts/support/site-build.ts) registers how to
// stop it, and so frees its memory while the pages render. A host the build
// does not own (hosted Sanity, the lake npm start runs) is left alone: nothing
// is registered for it.
import { processShared } from '../process-shared.ts';

const slot = () => processShared('releaseContentHost', (): { release?: () => void } => ({}));

/** Registers what to do once the build no longer needs the content host; returns a function that unregisters. */
export function onContentHostReleased(release: () => void): () => void {
  slot().release = release;
  return () => {
    if (slot().release === release) slot().release = undefined;
  };
}

/** Whether anything waits to be told (a lake this build owns); if not, there is nothing to prepare for. */
export function contentHostReleasable(): boolean {
  return slot().release !== undefined;
}

export function releaseContentHost(): void {
  const { release } = slot();
  slot().release = undefined;
  release?.();
}
