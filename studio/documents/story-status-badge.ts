// Where a story stands for readers, shown beside the document title: on the
// site, embargoed until its publication time, or not on the site at all.
import type { DocumentBadgeComponent, DocumentBadgeDescription } from 'sanity';

export const StoryStatusBadge: DocumentBadgeComponent = ({ published, draft }) =>
  storyStatus({ published, draft }, new Date());

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
  return versions.draft
    ? { label: 'On the site, with unpublished changes', title: 'Readers see the published version.', color: 'success' }
    : { label: 'On the site', title: 'Readers see this version.', color: 'success' };
}
