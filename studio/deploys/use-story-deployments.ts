// The deployments of one story, followed live while a badge shows them.
// Badges run as hooks, one component per badge, and a story has two (its
// deploy status and its pending changes), so each story's query and listener
// are shared by the badges showing it and closed when the last one unmounts.
import { useCallback, useSyncExternalStore } from 'react';
import { type DocumentStore, useDocumentStore } from 'sanity';
import {
  DEPLOYMENTS_LISTEN,
  STORY_DEPLOYMENTS_QUERY,
  type StoryDeployment,
  storyDeployments,
} from './story-deployments-query.ts';

/** Not read yet, read, or unreadable (the badge then falls back to the published document alone). */
export type DeploymentsState =
  | { status: 'loading' }
  | { status: 'ready'; deployments: StoryDeployment[] }
  | { status: 'error'; message: string };

type Feed = { state: DeploymentsState; listeners: Set<() => void>; stop: () => void };

const LOADING: DeploymentsState = { status: 'loading' };
const feeds = new WeakMap<DocumentStore, Map<string, Feed>>();

export function useStoryDeployments(storyId: string): DeploymentsState {
  const documentStore = useDocumentStore();
  const subscribe = useCallback(
    (onChange: () => void) => follow(documentStore, storyId, onChange),
    [documentStore, storyId],
  );
  const snapshot = useCallback(
    () => feeds.get(documentStore)?.get(storyId)?.state ?? LOADING,
    [documentStore, storyId],
  );
  return useSyncExternalStore(subscribe, snapshot);
}

function follow(documentStore: DocumentStore, storyId: string, onChange: () => void): () => void {
  const byStory = feeds.get(documentStore) ?? new Map<string, Feed>();
  feeds.set(documentStore, byStory);
  let feed = byStory.get(storyId);
  if (!feed) {
    const created: Feed = { state: LOADING, listeners: new Set(), stop: () => {} };
    const update = (state: DeploymentsState) => {
      created.state = state;
      for (const listener of created.listeners) listener();
    };
    // listenQuery fetches, then fetches again after each deployment change the
    // listener reports (at most every 250 ms), and again after a reconnect.
    const subscription = documentStore
      .listenQuery(
        { fetch: STORY_DEPLOYMENTS_QUERY, listen: DEPLOYMENTS_LISTEN },
        { id: storyId },
        { perspective: 'raw', throttleTime: 250, tag: 'deploy-status' },
      )
      .subscribe({
        next: (result: unknown) => update({ status: 'ready', deployments: storyDeployments(result) }),
        error: (error: Error) => update({ status: 'error', message: error.message }),
      });
    created.stop = () => subscription.unsubscribe();
    feed = created;
    byStory.set(storyId, feed);
  }
  const current = feed;
  current.listeners.add(onChange);
  return () => {
    current.listeners.delete(onChange);
    if (current.listeners.size > 0) return;
    current.stop();
    byStory.delete(storyId);
  };
}
