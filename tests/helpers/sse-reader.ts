// Reads a server-sent-events response frame by frame, for tests that need
// what the clients hide: comments (heartbeats), ids, exact frames.

export type SseFrame = { event: string; data: unknown; id?: string } | { comment: string };

export type SseReader = {
  /** Resolves with the next frame that matches, waiting up to `timeoutMs`. */
  next(match?: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  /** Every frame received so far. */
  frames: SseFrame[];
  close(): void;
};

export function readSse(body: ReadableStream<Uint8Array>, abort?: AbortController): SseReader {
  const frames: SseFrame[] = [];
  const waiters: { match: (frame: SseFrame) => boolean; resolve: (frame: SseFrame) => void; seen: number }[] = [];
  const deliver = () => {
    for (const waiter of [...waiters]) {
      const index = frames.findIndex((frame, i) => i >= waiter.seen && waiter.match(frame));
      if (index === -1) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(frames[index] as SseFrame);
    }
  };
  let consumed = 0;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          frames.push(parseFrame(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
        deliver();
      }
    } catch {
      // aborted
    }
  })();
  return {
    frames,
    next(match = () => true, timeoutMs = 5000) {
      const seen = consumed;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching SSE frame within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          match,
          seen,
          resolve: (frame) => {
            clearTimeout(timer);
            consumed = frames.indexOf(frame) + 1;
            resolve(frame);
          },
        });
        deliver();
      });
    },
    close: () => abort?.abort(),
  };
}

function parseFrame(text: string): SseFrame {
  if (text.startsWith(':')) return { comment: text.slice(1).trim() };
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
  }
  const frame: SseFrame = { event: fields.event ?? 'message', data: fields.data ? JSON.parse(fields.data) : undefined };
  if (fields.id !== undefined) frame.id = fields.id;
  return frame;
}
