// The content types the site emits. Anything else is served as bytes. Every
// answer also says nosniff, so a browser takes the type as given and never
// runs a file the edge did not serve as a script or a page.
import { FEED_FILES } from '../../site/lib/routes.ts';

/** The header the edge and the hosts' rules send with every file (hosting-headers.ts). */
export const NOSNIFF = { name: 'X-Content-Type-Options', value: 'nosniff' } as const;

/**
 * Files whose name, not their extension, says their type: a JSON Feed is
 * application/feed+json (jsonfeed.org/version/1.1), the type its pages'
 * <link rel="alternate"> announce.
 */
const BY_NAME = new Map<string, string>([[FEED_FILES.json, 'application/feed+json; charset=utf-8']]);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export function contentTypeFor(path: string): string {
  const named = BY_NAME.get(path.slice(path.lastIndexOf('/') + 1));
  if (named) return named;
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && TYPES[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
