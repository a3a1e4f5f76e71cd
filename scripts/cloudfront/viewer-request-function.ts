// The CloudFront Function (viewer request, cloudfront-js-2.0) that makes S3 +
// CloudFront answer like the local edge: /story/x is served from story/x.html,
// and a story's former address is a 301 to where it is now, with the query.
// The redirects are written into the function while they fit in its 10 KB;
// past that they go to the KeyValueStore associated with it, which the
// function reads (kvs-store.ts writes its import file, the workflow loads it).
// The source is in ./function/, plain JavaScript in the runtime's subset.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheControlFor } from '../edge/cache-policy.ts';
import { byteLength, FUNCTION_CODE_MAX_BYTES } from './limits.ts';
import type { SiteRoutes } from './site-routes.ts';

export type ViewerRequestFunction = {
  code: string;
  /** Where the function finds the redirects. */
  redirectsIn: 'function' | 'key-value-store';
};

export function viewerRequestFunction(
  routes: SiteRoutes,
  redirects: ReadonlyMap<string, string>,
): ViewerRequestFunction {
  const shared = {
    INDEX: Object.fromEntries(routes.indexes.map((directory) => [directory, 1])),
    EXACT: routes.exact,
    // A redirect is cached like a page: where it leads changes with the next rename.
    PAGE: cacheControlFor('/', 301),
  };
  const inline = assemble('inline-handler.js', { ...shared, REDIRECTS: Object.fromEntries(redirects) });
  if (byteLength(inline) <= FUNCTION_CODE_MAX_BYTES) return { code: inline, redirectsIn: 'function' };
  const reading = assemble('kvs-handler.js', shared);
  if (byteLength(reading) > FUNCTION_CODE_MAX_BYTES) {
    throw new Error(
      `The CloudFront Function is ${byteLength(reading)} bytes without its redirects, over CloudFront's ${FUNCTION_CODE_MAX_BYTES}: the build has ${Object.keys(routes.exact).length} extension-less file(s) or page(s) named with a dot, and ${routes.indexes.length} index.html file(s) below /, that the function must list. Name pages x.html and files with an extension.`,
    );
  }
  return { code: reading, redirectsIn: 'key-value-store' };
}

/** The handler, then the shared routing, without comments and indentation, with the placeholders filled in. */
function assemble(handler: string, values: Record<string, unknown>): string {
  const code = [handler, 'core.js']
    .map((name) => readFileSync(join(import.meta.dirname, 'function', name), 'utf8'))
    .join('\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
  return `${code.replace(/__([A-Z]+)__/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`scripts/cloudfront/function/ uses __${name}__, which nothing fills in`);
    return literal(values[name]);
  })}\n`;
}

/** A JSON value as an ES 5.1 literal: JSON leaves U+2028 and U+2029 raw, which end a line in ES 5.1 strings. */
const literal = (value: unknown) =>
  JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
