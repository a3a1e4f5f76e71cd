// The generated function must be accepted by CloudFront: within its 10 KB
// with any number of redirects (past what fits, they move to the
// KeyValueStore), and written only in what cloudfront-js-2.0 documents.
import { describe, expect, it } from 'vitest';
import { FUNCTION_CODE_MAX_BYTES } from '../../../scripts/cloudfront/limits.ts';
import { siteRoutes } from '../../../scripts/cloudfront/site-routes.ts';
import { viewerRequestFunction } from '../../../scripts/cloudfront/viewer-request-function.ts';
import { unsupportedConstructs } from '../helpers/cloudfront-runtime-subset.ts';

const ROUTES = siteRoutes(['/index.html', '/404.html', '/story/a.html', '/docs/index.html', '/LICENSE', '/v1.2.html']);
const redirects = (n: number) =>
  new Map(Array.from({ length: n }, (_, i) => [`/story/former-${i}`, `/story/a-story-now-${i}`]));

describe('the generated function', () => {
  it('stays within CloudFront’s size limit however many redirects there are, moving them out once they do not fit', () => {
    const kept = [0, 1, 10, 50, 100, 150, 200, 400, 3000].map((n) => {
      const fn = viewerRequestFunction(ROUTES, redirects(n));
      // 10 KB read as 10,240 bytes, the looser reading: the code's limit must not be raised past it.
      expect(Buffer.byteLength(fn.code)).toBeLessThanOrEqual(Math.min(FUNCTION_CODE_MAX_BYTES, 10 * 1024));
      return [n, fn.redirectsIn];
    });
    expect(kept).toEqual([
      [0, 'function'],
      [1, 'function'],
      [10, 'function'],
      [50, 'function'],
      [100, 'function'],
      [150, 'function'],
      [200, 'key-value-store'],
      [400, 'key-value-store'],
      [3000, 'key-value-store'],
    ]);
  });

  it.each([
    ['inline', 10],
    ['KeyValueStore', 3000],
  ])('with its redirects %s uses only what cloudfront-js-2.0 documents', (_, n) => {
    expect(unsupportedConstructs(viewerRequestFunction(ROUTES, redirects(n)).code)).toEqual([]);
  });

  it('keeps the KeyValueStore import the first statement, as AWS asks', () => {
    expect(viewerRequestFunction(ROUTES, redirects(3000)).code).toMatch(/^import cf from 'cloudfront';\n/);
  });

  it('refuses a build that needs more routes than fit, saying what to change', () => {
    const dotted = siteRoutes(Array.from({ length: 600 }, (_, i) => `/page-v${i}.0.html`));
    expect(() => viewerRequestFunction(dotted, new Map())).toThrow(
      /600 extension-less file\(s\) or page\(s\) named with a dot/,
    );
  });
});

// The checker itself must see what the runtime does not run.
describe.each([
  ['for (const x of y) {}', 'ForOfStatement'],
  ['const { a } = b;', 'destructuring'],
  ['f(...args);', 'SpreadElement'],
  ['const a = b?.c;', 'optional chaining'],
  ['const a = b ?? c;', 'the operator ??'],
  ['a ||= b;', 'the operator ||='],
  ['class A {}', 'ClassDeclaration'],
  ['export function handler(event) { return event.request; }', 'the modifier export'],
  ['const h = async (e) => e;', 'the modifier async'],
  ['function f() { return await g(); }', 'await outside an async function'],
  ['function* g() {}', 'a generator'],
  ['eval("1");', 'eval'],
  ['setTimeout(f, 1);', 'setTimeout'],
  ['const r = /a/;', 'RegularExpressionLiteral'],
  ["import x from 'crypto';", 'an import other than'],
  ['const a = { b };', 'ShorthandPropertyAssignment'],
  ['function (', 'syntax error'],
])('the subset check given %s', (code, problem) => {
  it('names what is not supported', () => {
    expect(unsupportedConstructs(code).join('\n')).toContain(problem);
  });
});
