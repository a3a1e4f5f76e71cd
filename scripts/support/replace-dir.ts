// Puts a finished build where the site is served from, so that the directory
// holds either the whole old site or the whole new one, never a mix (between
// the two renames of the switch it is briefly absent).
//
// Within one file system that is two renames. Across file systems (`--out` on
// another disk) the new site must be copied, and a copy can fail part way, a
// full disk most often: it is therefore copied beside the destination first
// and renamed into place only once whole. A failure leaves the old site where
// it was, and removes the partial copy.
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isStorageFull } from '../../lake/index.ts';

/** Moves a directory tree to where nothing is yet: a rename, or a copy across file systems. */
export type MoveTree = (from: string, to: string) => Promise<void>;

const moveTree: MoveTree = (from, to) =>
  rename(from, to).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  });

export async function replaceDir(from: string, to: string, move: MoveTree = moveTree): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const next = `${to}.new-${process.pid}`;
  const old = `${to}.old-${process.pid}`;
  try {
    await move(from, next);
    const hadSite = await rename(to, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(next, to).catch(async (error: unknown) => {
      if (hadSite)
        await rename(old, to).catch((restore: Error) => {
          // The old site is whole, but not where it is served from: say where.
          throw Object.assign(restore, { setAside: old });
        });
      throw error;
    });
  } catch (error) {
    await rm(next, { recursive: true, force: true });
    throw siteNotReplaced(to, error);
  }
  await rm(old, { recursive: true, force: true });
}

function siteNotReplaced(to: string, cause: unknown): Error {
  const full = isStorageFull(cause);
  const reason = full ? 'the disk is full' : cause instanceof Error ? cause.message : String(cause);
  const setAside = (cause as { setAside?: string } | undefined)?.setAside;
  const old = setAside
    ? `The old site is whole in ${setAside}: move it back to ${to}.`
    : 'The site there is as it was.';
  return Object.assign(new Error(`The built site could not be put in ${to}: ${reason}. ${old}`), {
    name: full ? 'SiteOutputDiskFull' : 'SiteNotReplaced',
    hint: full
      ? `Free space on the disk holding ${dirname(to)} (the new site needs about as much as the old one), then build again.`
      : `Check that ${dirname(to)} can be written, then build again.`,
    cause,
  });
}
