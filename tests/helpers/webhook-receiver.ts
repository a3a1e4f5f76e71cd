// A real HTTP server that receives webhook deliveries for tests: it records
// each request (method, headers, raw body) and answers with the statuses it
// is told to, in order (then 200).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string; at: number };

export type WebhookReceiver = {
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** Statuses for the next requests, in order (each used once); after them, 200. */
  respondWith(...statuses: number[]): void;
  /** Leaves the next request whose body matches unanswered until the returned function is called (with its status). */
  hold(match: (body: string) => boolean): (status?: number) => void;
  /** Resolves once every request held so far has arrived (and is waiting for its release). */
  held(): Promise<void>;
  /** Resolves once `count` requests have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
};

export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const statuses: number[] = [];
  const holds: {
    match: (body: string) => boolean;
    released: Promise<number | undefined>;
    used: boolean;
    arrived: PromiseWithResolvers<void>;
  }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const hold = holds.find((h) => !h.used && h.match(text));
      let status: number | undefined;
      if (hold) {
        hold.used = true;
        hold.arrived.resolve();
        status = await hold.released;
      }
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: text,
        at: Date.now(),
      });
      response.writeHead(status ?? statuses.shift() ?? 200, { 'content-type': 'text/plain' });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/hook`,
    port: actual,
    received,
    respondWith: (...next) => statuses.push(...next),
    hold(match) {
      let release: (status?: number) => void = () => {};
      const released = new Promise<number | undefined>((resolve) => {
        release = resolve;
      });
      holds.push({ match, released, used: false, arrived: Promise.withResolvers<void>() });
      return release;
    },
    held: async () => {
      await Promise.all(holds.map((h) => h.arrived.promise));
    },
    async waitFor(count, timeoutMs = 10_000) {
      for (const deadline = Date.now() + timeoutMs; received.length < count; ) {
        if (Date.now() > deadline) {
          throw new Error(
            `received ${received.length} of ${count} webhook requests: ${JSON.stringify(received.map((r) => r.body))}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
