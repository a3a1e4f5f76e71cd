// The workflow's S3 step is shell that no test runs against AWS; what it must
// agree with is held to the code here: the Cache-Control it uploads each
// object with is the edge's (scripts/edge/cache-policy.ts), it publishes the
// files hosting-headers writes, for the runtime they are written for, and
// keeps them out of the bucket.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOUDFRONT_DIR, FUNCTION_FILE, KVS_FILE } from '../../../scripts/cloudfront/cloudfront-files.ts';
import { FUNCTION_RUNTIME } from '../../../scripts/cloudfront/limits.ts';
import { cacheControlFor, IMMUTABLE_PATHS } from '../../../scripts/edge/cache-policy.ts';
import { s3CacheControl, s3DeployScript } from '../helpers/s3-cloudfront.ts';

const script = s3DeployScript();

describe('the workflow’s S3 + CloudFront step', () => {
  it.each([
    ...IMMUTABLE_PATHS.map((pattern) => `${pattern.replace(/:[a-z]+/g, '0')}file.1a2b.bin`),
    '/story/x.html',
    '/index.html',
    '/rss.xml',
    '/pagefind/pagefind.js',
    '/pagefind/wasm.en.pagefind',
  ])('uploads %s with the Cache-Control the edge serves it with', (path) => {
    expect(s3CacheControl(path.slice(1))).toBe(cacheControlFor(path, 200));
  });

  it('uploads the 404 page with the Cache-Control of the edge’s 404s', () => {
    expect(s3CacheControl('404.html')).toBe(cacheControlFor('/no-such-page', 404));
  });

  it('publishes the function hosting-headers writes, for the runtime it is written for, with its KeyValueStore', () => {
    expect(script).toContain(`fn=dist/${CLOUDFRONT_DIR}/${FUNCTION_FILE}`);
    expect(script).toContain(`kvs=dist/${CLOUDFRONT_DIR}/${KVS_FILE}`);
    expect(script).toContain(`"Runtime":"${FUNCTION_RUNTIME}"`);
    expect(script).toMatch(/aws cloudfront publish-function --name "\$FUNCTION"/);
    expect(script).toMatch(/node scripts\/cloudfront-kvs-batches\.ts "\$kvs"/);
    expect(script).toContain(`--exclude "${CLOUDFRONT_DIR}/*"`);
  });

  it('asks hosting-headers for the CloudFront files when deploying to S3', () => {
    const workflow = readFileSync(join(import.meta.dirname, '../../../.github/workflows/publish.yml'), 'utf8');
    expect(workflow).toContain("vars.DEPLOY_TARGET == 's3' && 'cloudfront'");
  });
});
