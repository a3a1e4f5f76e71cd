// The publisher's deployment documents, as one story's badge needs them. Each
// deployment lists the revision of every story its release shows; on a large
// site that map is big, so the query asks only for this story's entry.
import { z } from 'zod';

/** How many of the newest deployments are read (the publisher keeps 20). */
export const DEPLOYMENTS_READ = 50;

export const STORY_DEPLOYMENTS_QUERY = /* groq */ `*[_type == "deployment"] | order(startedAt desc) [0...${DEPLOYMENTS_READ}] {
  _id, status, startedAt, finishedAt, error,
  "changedIds": coalesce(changedIds, []),
  "revision": revisions[$id],
  "skipped": skipped[id == $id][0].problem
}`;

/** What the badge listens to: any deployment written, patched or pruned. */
export const DEPLOYMENTS_LISTEN = '*[_type == "deployment"]';

export const storyDeployment = z.object({
  _id: z.string(),
  status: z.enum(['building', 'live', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullish(),
  error: z.string().nullish(),
  /** The documents the deploy was for; empty for a full publish (start-up, manual). */
  changedIds: z.array(z.string()),
  /** The story's revision in this release, if the release shows the story. */
  revision: z.string().nullish(),
  /** Why the build left the story out as invalid ("headline: …"), if it did. */
  skipped: z.string().nullish(),
});

export type StoryDeployment = z.infer<typeof storyDeployment>;

/**
 * The deployments in a query result. The lake is untrusted input: an entry the
 * badge cannot read (another tool's document of the same type) is left out
 * rather than failing the badge.
 */
export function storyDeployments(result: unknown): StoryDeployment[] {
  if (!Array.isArray(result)) return [];
  return result.flatMap((entry) => {
    const parsed = storyDeployment.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
