import { Readable } from 'node:stream';

/** Past this many unsent bytes a listener is too slow to keep: it is disconnected rather than buffered forever. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** One named event: `id:` (optional), `event:` and a single `data:` line of JSON. */
export function sseFrame(event: string, data: unknown, id?: string): string {
  const head = id === undefined ? '' : `id: ${id}\n`;
  return `${head}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * One server-sent-events response body. Frames are written as the
 * EventSource polyfill the Studio uses requires: named events only
 * (`event:` + one `data:` line), optional `id:`, `:` comments as heartbeats.
 * `onClose` runs once, however the stream ends (client gone, lake closing).
 */
export class SseStream extends Readable {
  readonly #onClose: () => void;
  #closed = false;

  constructor(onClose: () => void) {
    // Frames stay the strings they were written as: listeners sent the same frame share it,
    // where a Buffer per listener made 100 slow listeners hold 100 copies of every event.
    super({ encoding: 'utf8' });
    this.#onClose = onClose;
    // pipe() only unpipes when the response closes; the stream must end with it.
    this.once('unpipe', () => this.destroy());
  }

  override _read(): void {}

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#close();
    callback(error);
  }

  get ended(): boolean {
    return this.#closed;
  }

  /** Bytes written and not yet taken by the connection (a client that does not read). */
  get buffered(): number {
    return this.readableLength;
  }

  send(event: string, data: unknown, id?: string): void {
    this.#write(sseFrame(event, data, id));
  }

  /** Writes a frame made with `sseFrame` (shared by listeners that get the same bytes). */
  write(frame: string): void {
    this.#write(frame);
  }

  /** A comment line: keeps proxies and the client's 45 s inactivity timeout from closing the stream. */
  heartbeat(): void {
    this.#write(':\n\n');
  }

  /** Sends a last event and ends the stream (the client treats `disconnect`/`channelError` as final). */
  finish(event: string, data: unknown): void {
    this.send(event, data);
    this.#close();
    this.push(null);
  }

  #write(frame: string): void {
    if (this.#closed) return;
    if (this.readableLength > MAX_BUFFERED_BYTES) {
      this.destroy();
      return;
    }
    this.push(frame);
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#onClose();
  }
}
