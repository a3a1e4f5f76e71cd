// The changes of publishes that did not go live, kept until one does. Most
// changes need no remembering (the next build finds edited documents by their
// revisions and write times), but a deletion leaves nothing to find: only the
// webhook names it, and the stories that showed the deleted document (a
// quote's attribution) are fetched again only when the publish names it. A
// publish that failed (the lake restarting) or never finished (the publisher
// killed) would otherwise forget it, and the stale page stayed live. Kept in a
// file, so a restarted publisher's first publish carries them too.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Change } from './coalescer.ts';

export type UnfinishedChanges = {
  /** `batch` with every change not yet live, recorded as unfinished until `done()`. */
  with(batch: readonly Change[]): Change[];
  /** The publish of everything handed out by `with` went live. */
  done(): void;
};

export function unfinishedChanges(file: string): UnfinishedChanges {
  let kept = read(file);
  return {
    with: (batch) => {
      // Manual publishes (start-up, by hand) name no document: nothing to carry.
      const named = batch.filter((c) => c.operation !== 'manual');
      // One per document is enough: the build reads each as it is now.
      const byId = new Map<string, Change>([...kept, ...named].map((c) => [c.id, c]));
      kept = [...byId.values()];
      write(file, kept);
      return [...kept, ...batch.filter((c) => c.operation === 'manual')];
    },
    done: () => {
      kept = [];
      rmSync(file, { force: true });
    },
  };
}

function read(file: string): Change[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(parsed) ? parsed.filter(isChange) : [];
  } catch {
    return [];
  }
}

function isChange(value: unknown): value is Change {
  const c = value as Partial<Change> | null;
  return typeof c?.id === 'string' && c.id.length > 0 && typeof c.receivedAt === 'number';
}

/** Written whole, then renamed: a kill mid-write leaves the last complete list. */
function write(file: string, changes: readonly Change[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(changes));
  renameSync(partial, file);
}
