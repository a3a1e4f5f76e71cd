// The life of an embedded lake a build starts for itself, as the build's
// parts see it (scripts/support/site-build.ts starts it):
// - It comes up while Astro starts, which takes about as long (a second each
//   on the build machine), so the loaders wait for it here, not the build.
// - The build says when it needs the content host no more: every collection
//   is loaded and every image original is cached. Whoever started the lake
//   registers how to stop it, and so frees its memory while the pages render.
// A host the build does not own (hosted Sanity, the lake npm start runs) is
// left alone: nothing is registered for it.
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

const starting = () => processShared('contentHostStarting', (): { ready?: Promise<void> } => ({}));

/**
 * Tells the loaders that the content host is still starting: `ready` resolves
 * once its address is in the environment. Returns a function that unregisters.
 */
export function onContentHostStarting(ready: Promise<void>): () => void {
  // A failure is the build's to report; a loader that waits sees it too.
  ready.catch(() => undefined);
  starting().ready = ready;
  return () => {
    if (starting().ready === ready) starting().ready = undefined;
  };
}

/** Waits for a content host that is still starting, if any; throws why it could not start. */
export async function contentHostStarted(): Promise<void> {
  await starting().ready;
}
