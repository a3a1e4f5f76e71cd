// The Studio's own legacy history timeline (sanity 6.9.2's Timeline and
// TimelineController, the code behind "History" and "Review changes" with
// beta.eventsAPI.documents: false), opened on a document of a test lake with
// the Studio's bundled @sanity/client 7.28, as the document pane opens it.
import { Timeline, TimelineController, type Timeline as TimelineType } from 'sanity';
import { createClient } from '../../node_modules/sanity/node_modules/@sanity/client/dist/index.js';
import type { TestLake } from './lake.ts';

export type OpenTimeline = {
  timeline: TimelineType;
  controller: TimelineController;
  /** The error the controller reported, if any (a misaligned history, a failed request). */
  failure: () => unknown;
};

/** The Studio's client for a test lake, as `token`. */
export const studioClient = (t: TestLake, token: string) =>
  createClient({
    projectId: t.lake.projectId,
    dataset: 'production',
    apiHost: t.lake.url,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
    token,
  });

/** The timeline of `publishedId` (and its draft), loaded back to its first transaction (or 5 s). */
export async function openTimeline(t: TestLake, publishedId: string, documentType: string): Promise<OpenTimeline> {
  const viewer = studioClient(t, t.tokens.viewer);
  const timeline = new Timeline({ publishedId, enableTrace: false });
  let failure: unknown;
  const controller = new TimelineController({
    client: viewer as never,
    documentId: publishedId,
    documentType,
    timeline,
    handler: (error) => {
      if (error) failure = error;
    },
  });
  // What the Studio's pair listener hands it: the current draft and published snapshots.
  for (const [version, id] of [
    ['draft', `drafts.${publishedId}`],
    ['published', publishedId],
  ] as const) {
    controller.handleRemoteMutation({ type: 'snapshot', version, document: await viewer.getDocument(id) } as never);
  }
  controller.setLoadMore(true);
  for (const deadline = Date.now() + 5000; !timeline.reachedEarliestEntry && !failure && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { timeline, controller, failure: () => failure };
}

/** The names of the fields "Review changes" marks as changed in the controller's current range. */
export function changedFields(controller: TimelineController): string[] {
  const diff = controller.currentObjectDiff() as unknown as { fields: Record<string, { isChanged: boolean }> } | null;
  return Object.entries(diff?.fields ?? {})
    .filter(([, field]) => field.isChanged)
    .map(([name]) => name)
    .sort();
}
