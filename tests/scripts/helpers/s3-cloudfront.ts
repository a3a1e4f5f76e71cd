// A request to S3 + CloudFront as the workflow sets them up, without AWS: the
// generated viewer-request function first (cloudfront-function.ts), then S3
// answering the key it asked for from the uploaded build, with the
// Cache-Control the workflow's sync gave the object, and the 404 page (the
// distribution's custom error response) for a key that is not there.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type FunctionResponse, type loadFunction, viewerRequestEvent } from './cloudfront-function.ts';

const WORKFLOW = join(import.meta.dirname, '../../../.github/workflows/publish.yml');

/** The run script of the workflow's S3 + CloudFront step. */
export function s3DeployScript(): string {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as {
    jobs: { publish: { steps: { name?: string; run?: string }[] } };
  };
  const step = workflow.jobs.publish.steps.find((s) => s.name === 'Deploy to S3 and CloudFront');
  if (!step?.run) throw new Error(`${WORKFLOW} has no step "Deploy to S3 and CloudFront" with a run script`);
  return step.run;
}

/** The Cache-Control the workflow uploads `key` (no leading slash) with. */
export function s3CacheControl(key: string): string {
  const script = s3DeployScript();
  const hashed = [...script.slice(0, script.indexOf('aws s3 sync')).matchAll(/--include "([^"]+)"/g)].map((m) => m[1]);
  const [immutable, page, notFound] = [...script.matchAll(/--cache-control "([^"]+)"/g)].map((m) => m[1]);
  if (key === '404.html' && script.includes('aws s3 cp dist/404.html')) return notFound as string;
  // The CLI's filters are whole-key globs whose * crosses slashes.
  const glob = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return (hashed.some((pattern) => glob(pattern as string).test(key)) ? immutable : page) as string;
}

export type CdnAnswer = { status: number; location?: string; cacheControl?: string; body: string };

/** What a viewer gets for `target` from the distribution serving `dist`. */
export async function viaCloudFront(
  handler: ReturnType<typeof loadFunction>,
  dist: string,
  target: string,
  method = 'GET',
): Promise<CdnAnswer> {
  const result = await handler(viewerRequestEvent(target, method));
  if ('statusCode' in result) {
    const response = result as FunctionResponse;
    return {
      status: response.statusCode,
      location: response.headers.location?.value,
      cacheControl: response.headers['cache-control']?.value,
      body: '',
    };
  }
  // S3 decodes the path CloudFront forwards into the object's key.
  const key = decodeURIComponent(result.uri).slice(1);
  const file = join(dist, key);
  const found = key !== '' && existsSync(file) && statSync(file).isFile();
  const served = found ? key : '404.html';
  return {
    status: found ? 200 : 404,
    cacheControl: s3CacheControl(served),
    body: method === 'HEAD' ? '' : readFileSync(join(dist, served), 'utf8'),
  };
}
