// Turns a finished build into the live release: files into the blob store, a
// manifest (the build's files over its base release, for partial builds),
// validation, and only then the atomic switch. A build that fails validation
// leaves the live site exactly as it was.
import { randomBytes } from 'node:crypto';
import { siteUrl } from '../../site/lib/site-url.ts';
import { collectBuild } from './collect-build.ts';
import { withDeployLock } from './deploy-lock.ts';
import { missingEntryPages } from './entry-pages.ts';
import type { ManifestFile, ReleaseManifest } from './manifest.ts';
import type { ReleaseStore } from './release-store.ts';
import { readStoryPaths } from './story-redirects.ts';
import { type ValidationProblem, validateRelease } from './validate-release.ts';

export type DeployOptions = {
  store: ReleaseStore;
  buildDir: string;
  /** For a partial build: the release whose files the build's files replace. */
  base?: string;
  /** Paths (e.g. /story/old.html) the partial build removes from the base. */
  removed?: readonly string[];
  meta?: Record<string, unknown>;
  siteOrigin?: string;
  /** Releases to keep for rollback. */
  retention?: number;
  /** Called if another deploy to the store is under way, before waiting for it to finish. */
  onWait?: () => void;
};

export class DeployRejected extends Error {
  override readonly name = 'DeployRejected';
  readonly hint = 'The live site was not changed. Fix the pages listed, or roll forward with a full build.';
  readonly problems: ValidationProblem[];
  constructor(problems: ValidationProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.page}: ${p.problem}`);
    const more = problems.length > 20 ? [`  …and ${problems.length - 20} more`] : [];
    super(
      [`The build is not valid, so it was not deployed (${problems.length} problem(s)):`, ...shown, ...more].join('\n'),
    );
    this.problems = problems;
  }
}

export type DeployResult = { manifest: ReleaseManifest; newBlobs: number };

/** Deploys one build at a time per store (see deploy-lock.ts), then prunes past the retention. */
export function deployBuild(options: DeployOptions): Promise<DeployResult> {
  return withDeployLock(options.store.root, () => deployLocked(options), { onWait: options.onWait });
}

async function deployLocked(options: DeployOptions): Promise<DeployResult> {
  const { store } = options;
  const files = new Map<string, ManifestFile>(
    options.base ? Object.entries(store.readManifest(options.base).files) : [],
  );
  for (const path of options.removed ?? []) files.delete(path);
  const missing = missingEntryPages(options.buildDir, files);
  if (missing.length) throw new DeployRejected(missing);
  const collected = await collectBuild(options.buildDir, store);
  // A folder the build writes whole (the search index) replaces the base's copy.
  for (const prefix of WRITTEN_WHOLE) {
    if (![...collected.files.keys()].some((p) => p.startsWith(prefix))) continue;
    for (const path of files.keys()) if (path.startsWith(prefix)) files.delete(path);
  }
  for (const [path, file] of collected.files) files.set(path, file);

  const { problems, referenced } = await validateRelease({
    files,
    newBlobs: collected.newBlobs,
    store,
    siteOrigin: options.siteOrigin ?? new URL(siteUrl()).origin,
  });
  if (problems.length) throw new DeployRejected(problems);
  // Hashed assets no page uses any more (the photo of a story taken down)
  // would otherwise pile up in releases built over releases.
  for (const path of files.keys()) {
    if (GARBAGE_COLLECTED.some((prefix) => path.startsWith(prefix)) && !referenced.has(path)) files.delete(path);
  }

  const manifest: ReleaseManifest = {
    id: releaseId(),
    createdAt: new Date().toISOString(),
    base: options.base,
    stories: readStoryPaths(options.buildDir),
    files: Object.fromEntries([...files].sort(([a], [b]) => a.localeCompare(b))),
    meta: options.meta ?? {},
  };
  store.goLive(manifest);
  // Pruning reads every kept manifest; doing it once the store is half again
  // over its retention, rather than on every deploy, keeps it off most publishes.
  const retention = options.retention ?? 10;
  if (store.count() > Math.ceil(retention * 1.5)) store.prune(retention);
  return { manifest, newBlobs: collected.newBlobs.size };
}

/** Folders a build always writes in full. */
const WRITTEN_WHOLE = ['/pagefind/'];
/** Content-hashed assets, kept only while a page refers to them. */
const GARBAGE_COLLECTED = ['/_img/', '/_astro/'];

/** Sortable by time, unique across processes: 20261128t021500123-ab12cd. */
function releaseId(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:.Z]/g, '')
    .toLowerCase();
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
