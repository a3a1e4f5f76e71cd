import { errors } from '../errors/catalog.ts';
import { draftIdOf, isDraftId, isPublishedId, isVersionId } from '../ids/document-id.ts';
import type { LakeDocument } from '../store/document.ts';
import type { LakeStore } from '../store/lake-store.ts';
import type { DocumentEffect, TransactionEvent } from '../store/transaction-event.ts';
import type { DocumentMatcher } from './document-matcher.ts';
import { documentEffects } from './effects/document-effects.ts';
import type { ListenRequest } from './listen-request.ts';
import { absentDraftEvent, mutationEvent, transitionOf } from './mutation-event.ts';
import { type SseStream, sseFrame } from './sse-stream.ts';

/** What a listener may see, checked again for every transaction (a revoked token stops the stream). */
export type ListenerAccess = { dataset: boolean; drafts: boolean };

/** One open `data/listen` connection. */
export type Listener = {
  dataset: string;
  request: ListenRequest;
  matcher: DocumentMatcher;
  /** Listeners with the same key share match results within a transaction (same query, params, identity). */
  matchKey: string;
  /** Listeners with the same key share access checks within a transaction (same credentials). */
  accessKey: string;
  /** Undefined when the credentials no longer authenticate. */
  access(): ListenerAccess | undefined;
  stream: SseStream;
};

export type ListenerHubOptions = {
  store: LakeStore;
  /** Interval of `:` heartbeats; the Studio's EventSource gives up after 45 s of silence. */
  heartbeatMs: number;
  /** Bytes waiting for slow listeners, all together, past which the slowest are disconnected. */
  maxBufferedBytes: number;
  logError: (message: string, error: unknown) => void;
};

export type ListenerHub = {
  /** Registers a listener; the returned function removes it (also done when its stream closes). Refused once closed. */
  add(listener: Listener): () => void;
  /** Open listeners (diagnostics and tests: closed connections must not linger). */
  size(): number;
  close(): void;
};

/** Listeners handled before yielding to I/O, so a crowd of listeners cannot stall requests. */
const BATCH = 200;

/**
 * Fans committed transactions out to open listeners. Work starts after the
 * commit has been answered (setImmediate), transactions are delivered in
 * commit order, and each document's effects and each distinct filter's
 * verdict are computed once per transaction however many listeners share them.
 */
export function createListenerHub(options: ListenerHubOptions): ListenerHub {
  const listeners = new Set<Listener>();
  let closed = false;
  let queue: Promise<void> = Promise.resolve();
  let heartbeat: NodeJS.Timeout | undefined;

  const unsubscribe = options.store.onTransaction((transaction) => {
    if (![...listeners].some((listener) => listener.dataset === transaction.dataset)) return;
    queue = queue
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => dispatch(transaction))
      .catch((error: unknown) => options.logError('lake: listener dispatch failed', error));
  });

  async function dispatch(transaction: TransactionEvent): Promise<void> {
    const targets = [...listeners].filter((l) => l.dataset === transaction.dataset && !l.stream.ended);
    const effects = memoize((doc: DocumentEffect) => documentEffects(doc.before, doc.after));
    const accessOf = new Map<string, ListenerAccess | undefined>();
    // Listeners with the same options get byte-identical frames: serialise each once.
    const frameCache = new Map<string, string>();
    const frames = (key: string, build: () => string) => {
      let frame = frameCache.get(key);
      if (frame === undefined) {
        frame = build();
        frameCache.set(key, frame);
      }
      return frame;
    };
    // One verdict per (filter, document version), shared by the listeners with that filter.
    const verdicts = memoize((key: string) =>
      memoize((doc: LakeDocument) => {
        const matcher = targets.find((listener) => listener.matchKey === key)?.matcher;
        return matcher ? matcher(doc).catch(() => false) : Promise.resolve(false);
      }),
    );
    const matches = (listener: Listener, doc: LakeDocument | null): Promise<boolean> =>
      doc ? verdicts(listener.matchKey)(doc) : Promise.resolve(false);
    // The drafts an import's publishes had none of, each as the draft it would have deleted (the document published).
    const afterById = new Map(transaction.draftlessPublishes ? transaction.documents.map((d) => [d.id, d.after]) : []);
    const absentDrafts = (transaction.draftlessPublishes ?? []).flatMap((id) => {
      const published = afterById.get(id);
      return published ? [{ draftId: draftIdOf(id), asDraft: { ...published, _id: draftIdOf(id) } }] : [];
    });
    let waiting = bufferedBytes();
    for (const [index, listener] of targets.entries()) {
      if (waiting > options.maxBufferedBytes) waiting = shedSlowest();
      if (index > 0 && index % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
      if (!accessOf.has(listener.accessKey)) accessOf.set(listener.accessKey, listener.access());
      const access = accessOf.get(listener.accessKey);
      if (!access) {
        listener.stream.finish('disconnect', { reason: 'The token of this listener is no longer valid' });
        continue;
      }
      if (!access.dataset) continue;
      const events: Record<string, unknown>[] = [];
      for (const doc of transaction.documents) {
        if (!visible(doc.id, access, listener.request)) continue;
        const transition = transitionOf(await matches(listener, doc.before), await matches(listener, doc.after));
        if (!transition) continue;
        events.push(
          mutationEvent({ transaction, doc, transition, request: listener.request, effects: () => effects(doc) }),
        );
      }
      for (const { draftId, asDraft } of absentDrafts) {
        if (!visible(draftId, access, listener.request) || !(await matches(listener, asDraft))) continue;
        events.push(absentDraftEvent({ transaction, draftId, request: listener.request }));
      }
      // The pair listener waits for `transactionTotalEvents` events of a transaction: count what this connection gets.
      for (const [n, event] of events.entries()) {
        const { includeResult, includePreviousRevision, includeMutations, effectFormat, visibility } = listener.request;
        const shape = [includeResult, includePreviousRevision, includeMutations, effectFormat, visibility].join();
        const key = `${shape}\n${event.eventId}\n${event.transition}\n${events.length}\n${n}`;
        const frame = frames(key, () => {
          const counted = { ...event, transactionTotalEvents: events.length, transactionCurrentEvent: n + 1 };
          return sseFrame('mutation', counted, String(event.eventId));
        });
        listener.stream.write(frame);
        waiting += frame.length;
      }
    }
    if (waiting > options.maxBufferedBytes) shedSlowest();
  }

  /** Bytes written to listeners that their connections have not taken yet. */
  function bufferedBytes(): number {
    let total = 0;
    for (const listener of listeners) total += listener.stream.buffered;
    return total;
  }

  /**
   * Each listener that does not read holds up to 16 MB (sse-stream.ts), but
   * nothing bounded how many: 100 anonymous listeners that never read, and
   * one edit of 3,000 stories, took the lake from 0.38 GB to 2.2 GB. Past the
   * budget, the listeners with the most waiting are disconnected until the
   * rest fit. Returns the bytes still waiting.
   */
  function shedSlowest(): number {
    let total = bufferedBytes();
    const slowest = [...listeners].sort((a, b) => b.stream.buffered - a.stream.buffered);
    for (const listener of slowest) {
      if (total <= options.maxBufferedBytes) break;
      total -= listener.stream.buffered;
      listener.stream.destroy();
    }
    return total;
  }

  const stopHeartbeat = () => {
    clearInterval(heartbeat);
    heartbeat = undefined;
  };

  return {
    add(listener) {
      // A stopping lake takes no listeners: a fresh welcome would tell the Studio the lake is back.
      if (closed) throw errors.lakeStopping();
      listeners.add(listener);
      heartbeat ??= setInterval(() => {
        for (const each of listeners) each.stream.heartbeat();
      }, options.heartbeatMs).unref();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopHeartbeat();
      };
    },
    size: () => listeners.size,
    close() {
      closed = true;
      unsubscribe();
      stopHeartbeat();
      for (const listener of listeners) listener.stream.destroy();
      listeners.clear();
    },
  };
}

/** Anonymous listeners see published documents only; versions only when asked for. */
function visible(id: string, access: ListenerAccess, request: ListenRequest): boolean {
  if (isPublishedId(id)) return true;
  if (!access.drafts) return false;
  return isDraftId(id) || (request.includeAllVersions && isVersionId(id));
}

/** Computes each key's value once (per transaction: the caches live as long as one dispatch). */
function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as V;
  };
}
