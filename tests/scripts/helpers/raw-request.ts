// A request to a local server with the path exactly as written (fetch would
// not send some paths as they are, and follows or hides redirects).
import { request } from 'node:http';

export type RawAnswer = {
  status?: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body as bytes, for compressed or binary answers. */
  bytes: Buffer;
};

export function rawRequest(
  serverUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(serverUrl);
    request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.headers, body: bytes.toString(), bytes });
      });
    })
      .on('error', reject)
      .end();
  });
}
