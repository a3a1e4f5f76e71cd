// A pass-through proxy in front of a lake that records each GROQ query and its
// params, so a test can see what a build asked for (for example, which
// stories an incremental build fetched again) through the real HTTP path.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedQuery = { query: string; params: Record<string, unknown> };

export type QueryRecorder = {
  url: string;
  queries: RecordedQuery[];
  close(): Promise<void>;
};

export async function recordQueries(target: string): Promise<QueryRecorder> {
  const queries: RecordedQuery[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', upstream);
      if (url.pathname.includes('/data/query/')) queries.push(parse(url, body));
      const forward = request(
        url,
        { method: req.method, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parse(url: URL, body: Buffer): RecordedQuery {
  if (body.length > 0) {
    const json = JSON.parse(body.toString('utf8')) as { query: string; params?: Record<string, unknown> };
    return { query: json.query, params: json.params ?? {} };
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value);
  return { query: url.searchParams.get('query') ?? '', params };
}
