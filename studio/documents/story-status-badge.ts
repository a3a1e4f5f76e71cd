// Where a story stands for readers, shown beside the document title. With a
// publisher reporting its deploys to the lake, that is the deploy status
// ("Live since 14:02", "Building…", "Failed: …", "Not live yet"), following
// the deployments live; a second badge says when there are unpublished
// changes. Without deployment records (no publisher, or not readable yet) it
// is what the published document alone says: on the site, embargoed, or not.
import { type DocumentBadgeComponent, type DocumentBadgeDescription, getPublishedId } from 'sanity';
import { deployStatusLabel } from '../deploys/deploy-status-label.ts';
import { storyDeployState } from '../deploys/story-deploy-state.ts';
import { useStoryDeployments } from '../deploys/use-story-deployments.ts';
import { useNowPassing } from './use-now-passing.ts';

export const StoryStatusBadge: DocumentBadgeComponent = ({ id: editId, published, draft }) => {
  const id = getPublishedId(editId);
  const deployments = useStoryDeployments(id);
  const now = useNowPassing([published?.publishedAt, published?.unpublishAt]);
  if (deployments.status !== 'ready') return storyStatus({ published, draft }, now);
  const state = storyDeployState({ id, published }, deployments.deployments, now);
  return state.kind === 'unknown' ? storyStatus({ published, draft }, now) : deployStatusLabel(state, { now });
};

/** Shown next to the deploy status, which speaks of the published version only. */
export const StoryDraftBadge: DocumentBadgeComponent = ({ id, published, draft }) => {
  const deployments = useStoryDeployments(getPublishedId(id));
  const reported = deployments.status === 'ready' && deployments.deployments.length > 0;
  return reported && published && draft
    ? { label: 'Unpublished changes', title: 'Publish to put these edits on the site.', color: 'warning' }
    : null;
};

export function storyStatus(
  versions: { published: Record<string, unknown> | null; draft: Record<string, unknown> | null },
  now: Date,
): DocumentBadgeDescription {
  if (!versions.published) {
    return { label: 'Not on the site', title: 'Publish the story to put it on the site.', color: 'warning' };
  }
  const at = typeof versions.published.publishedAt === 'string' ? new Date(versions.published.publishedAt) : undefined;
  if (at && at > now) {
    return {
      label: `Embargoed until ${at.toLocaleString()}`,
      title: 'Published, but readers see it only from its publication time.',
      color: 'primary',
    };
  }
  // The build leaves a story out from its take-down time, published or not:
  // without deploy records (the hosted workflow writes none) this is the only word.
  const downAt =
    typeof versions.published.unpublishAt === 'string' ? new Date(versions.published.unpublishAt) : undefined;
  if (downAt && downAt <= now) return deployStatusLabel({ kind: 'takenDown', at: downAt }, { now });
  return versions.draft
    ? { label: 'On the site, with unpublished changes', title: 'Readers see the published version.', color: 'success' }
    : { label: 'On the site', title: 'Readers see this version.', color: 'success' };
}
