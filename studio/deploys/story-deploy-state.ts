// Where a published story stands on the site, from the publisher's deployment
// documents: live (and since when readers have seen this version), building,
// failed, or not in any live release yet (and why). Pure, so it is tested
// table by table; deploy-status-label.ts turns it into words.
import type { StoryDeployment } from './story-deployments-query.ts';

/** The story as the Studio holds it: its id and published version (null when unpublished). */
export type StoryVersion = {
  id: string;
  published: { _rev?: unknown; publishedAt?: unknown; unpublishAt?: unknown } | null;
};

/**
 * The publisher keeps its newest 20 deployments (scripts/publisher/deploy-status.ts)
 * and prunes only when a deploy goes live: fewer recorded means none was pruned.
 */
export const PUBLISHER_KEEPS = 20;

export type DeployState =
  | { kind: 'notPublished' }
  /** No deployment recorded: no publisher reports to this lake. */
  | { kind: 'unknown' }
  /** `exact` is false when every recorded deployment shows this version and older ones were pruned: it may be older. */
  | { kind: 'live'; since: Date; exact: boolean }
  | { kind: 'building'; startedAt: Date }
  | { kind: 'failed'; reason: string; at: Date }
  | { kind: 'embargoed'; until: Date }
  | { kind: 'takenDown'; at: Date }
  /**
   * Published, but no live release shows this version; `earlierVersionLive` when readers see an older one,
   * `invalid` the problem when the live release's build left the story out as invalid.
   */
  | { kind: 'notLive'; earlierVersionLive: boolean; invalid?: string };

export function storyDeployState(story: StoryVersion, deployments: readonly StoryDeployment[], now: Date): DeployState {
  const { published } = story;
  if (!published) return { kind: 'notPublished' };
  if (deployments.length === 0) return { kind: 'unknown' };
  const rev = typeof published._rev === 'string' ? published._rev : undefined;
  const newestFirst = [...deployments].sort((a, b) => time(b.startedAt) - time(a.startedAt));
  // What readers see is the release that went live last, whenever its build
  // started: a rollback during a build is overtaken by that build's deploy.
  const live = newestFirst
    .filter((d) => d.status === 'live')
    .sort((a, b) => finished(b).getTime() - finished(a).getTime());
  const shows = (d: StoryDeployment) => rev !== undefined && d.revision === rev;
  const liveNow = live[0] !== undefined && shows(live[0]);
  // A full publish (no ids: start-up, manual) concerns every story whose version is not live yet.
  const concerns = (d: StoryDeployment) => d.changedIds.includes(story.id) || (d.changedIds.length === 0 && !liveNow);

  // The publisher builds one batch at a time, so only the newest deployments
  // can still be building; an older "building" one was never finished (the
  // publisher stopped) and says nothing.
  for (const d of newestFirst) {
    if (d.status !== 'building') break;
    if (concerns(d)) return { kind: 'building', startedAt: new Date(d.startedAt) };
  }

  const last = newestFirst.find((d) => d.status !== 'building' && concerns(d));
  if (last?.status === 'failed' && !live.some((d) => time(d.startedAt) > time(last.startedAt) && shows(d))) {
    return { kind: 'failed', reason: last.error?.trim() || 'no reason was recorded', at: finished(last) };
  }

  if (liveNow) {
    // Readers have seen this version since the oldest live release in the
    // unbroken run of releases showing it (failed deploys changed nothing).
    let since = live[0] as StoryDeployment;
    for (const d of live) {
      if (!shows(d)) return { kind: 'live', since: finished(since), exact: true };
      since = d;
    }
    // Run out of records: exact only if none was ever pruned.
    return { kind: 'live', since: finished(since), exact: deployments.length < PUBLISHER_KEEPS };
  }

  const publishedAt = dateOf(published.publishedAt);
  if (publishedAt && publishedAt > now) return { kind: 'embargoed', until: publishedAt };
  const unpublishAt = dateOf(published.unpublishAt);
  if (unpublishAt && unpublishAt <= now) return { kind: 'takenDown', at: unpublishAt };
  const current = live[0]?.revision;
  const invalid = live[0]?.skipped ?? undefined;
  return {
    kind: 'notLive',
    earlierVersionLive: typeof current === 'string' && current !== rev,
    ...(invalid ? { invalid } : {}),
  };
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** When a deploy finished (went live or failed); its start if the publisher recorded no end. */
function finished(d: StoryDeployment): Date {
  return new Date(d.finishedAt ?? d.startedAt);
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
