// npm run hosting-headers -- <dist> --target netlify|cloudflare|cloudfront: writes
// <dist>/_headers, the cache rules of the local edge (scripts/edge/cache-policy.ts)
// and its nosniff in the format those hosts read, so a hosted deploy caches as the edge does;
// and <dist>/_redirects, the redirects the edge answers for stories' former
// addresses (scripts/deploy/story-redirects.ts), from the live release of the
// release store (NEWSROOM_RELEASES_DIR or .releases/), which both hosts read
// in the same format. A path a file of the release serves is never among them.
// With --history <file>, for hosts with no release store (the hosted
// workflow), the history is that file instead (scripts/deploy/history-file.ts)
// and the redirects are the build's own.
// For S3 + CloudFront, which read neither file, --target cloudfront writes a
// CloudFront Function that routes and redirects as the edge does instead
// (scripts/cloudfront/cloudfront-files.ts).
// Cloudflare Pages applies at most 2,000 redirects: past that it warns.
// Netlify and Cloudflare apply every matching rule. Netlify then keeps the most specific rule's
// value of a header; Cloudflare joins them with commas unless the specific rule
// first detaches the inherited one with "! Cache-Control", which Netlify rejects.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCloudFrontFiles } from './cloudfront/cloudfront-files.ts';
import { existingReleaseStore } from './deploy/default-store.ts';
import { recordBuildInHistory } from './deploy/history-file.ts';
import { readStoryPaths, storyRedirects } from './deploy/story-redirects.ts';
import { cacheControlFor, IMMUTABLE_PATHS } from './edge/cache-policy.ts';
import { NOSNIFF } from './edge/content-types.ts';
import { commandLineOrExit, directoryOrComplain } from './support/command-line.ts';

const USAGE = `Usage: node scripts/hosting-headers.ts <build dir> [--target netlify|cloudflare|cloudfront] [--history <file>]
  Writes <build dir>/_headers with the local edge's cache rules (default target netlify),
  and <build dir>/_redirects with the live release's redirects from stories' former addresses.
  cloudfront: writes <build dir>/_cloudfront/viewer-request.js instead, a CloudFront Function
                    serving /story/x from story/x.html and answering the redirects, and
                    kvs-redirects.json beside it when they are too many for the function.
  --history <file>  Without a release store: keep the history of story addresses in this JSON
                    file, add this build's to it, and write the redirects for this build.
                    Build with NEWSROOM_STORY_HISTORY=<file> so links in bodies follow too.`;

async function main(): Promise<number> {
  const parsed = commandLineOrExit(parse, USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const target = values.target as Target;
  if (!Object.hasOwn(WRITERS, target)) {
    process.stderr.write(`--target must be ${Object.keys(WRITERS).join(', ')}, not ${values.target}\n${USAGE}\n`);
    return 2;
  }
  if (positionals.length !== 1) {
    process.stderr.write(
      `Name one build directory${positionals.length ? `, not ${positionals.length}` : ''}.\n${USAGE}\n`,
    );
    return 2;
  }
  const dist = resolve(positionals[0] as string);
  if (!directoryOrComplain(dist, 'run `npm run build` first, or name the directory it wrote.')) return 1;
  const redirects = values.history === undefined ? liveRedirects() : await buildRedirects(dist, values.history);
  if (redirects === null) return 1;
  try {
    for (const line of await WRITERS[target](dist, redirects)) console.log(line);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  if (redirects === undefined) {
    console.log(
      'No release is live in the release store, so no redirects were written: run `npm run deploy` first to keep stories’ former addresses working.',
    );
  }
  return 0;
}

type Target = 'netlify' | 'cloudflare' | 'cloudfront';
/** Writes a host's files into the build (the redirects undefined without a live release); returns what to tell the operator. */
type Writer = (dist: string, redirects: ReadonlyMap<string, string> | undefined) => Promise<string[]>;

const WRITERS = {
  netlify: async (dist, redirects) => headersAndRedirects(dist, 'netlify', redirects),
  cloudflare: async (dist, redirects) => headersAndRedirects(dist, 'cloudflare', redirects),
  cloudfront: (dist, redirects) => writeCloudFrontFiles(dist, redirects ?? new Map()),
} satisfies Record<Target, Writer>;

/**
 * Cloudflare Pages applies at most this many static redirects from
 * `_redirects` (https://developers.cloudflare.com/pages/configuration/redirects/).
 * A newsroom that renames stories for years passes it; the ones past it
 * would answer 404 there while the local edge redirects them.
 */
const CLOUDFLARE_REDIRECT_LIMIT = 2000;

/** `_headers` and `_redirects`, the files Netlify and Cloudflare Pages read. */
function headersAndRedirects(
  dist: string,
  target: 'netlify' | 'cloudflare',
  redirects: ReadonlyMap<string, string> | undefined,
) {
  writeFileSync(join(dist, '_headers'), headers(target));
  const said = [`Wrote ${join(dist, '_headers')} for ${target}`];
  if (!redirects) return said;
  writeFileSync(join(dist, '_redirects'), [...redirects].map(([from, to]) => `${from} ${to} 301\n`).join(''));
  said.push(`Wrote ${join(dist, '_redirects')}: ${redirects.size} redirect(s) from stories' former addresses`);
  if (target === 'cloudflare' && redirects.size > CLOUDFLARE_REDIRECT_LIMIT) {
    process.stderr.write(
      `Warning: Cloudflare Pages applies at most ${CLOUDFLARE_REDIRECT_LIMIT} redirects from _redirects, and this site has ${redirects.size}: ` +
        `the former addresses past the ${CLOUDFLARE_REDIRECT_LIMIT}th in ${join(dist, '_redirects')} may answer 404 there. ` +
        'Add them to Cloudflare as Bulk Redirects, or host with --target netlify or cloudfront, which have no such limit.\n',
    );
  }
  return said;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      target: { type: 'string', default: 'netlify' },
      history: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function headers(target: 'netlify' | 'cloudflare'): string {
  const rules: [string, string][] = [
    ['/*', cacheControlFor('/index.html', 200)],
    ...IMMUTABLE_PATHS.map((pattern): [string, string] => [
      `${pattern}*`,
      cacheControlFor(`${pattern.replace(/:[a-z]+/g, '0')}x`, 200),
    ]),
  ];
  const detach = target === 'cloudflare';
  // nosniff on every file, as the edge sends it: only the rule for all of them says it, so no host doubles it.
  return rules
    .map(
      ([path, value], i) =>
        `${path}\n${detach && i > 0 ? '  ! Cache-Control\n' : ''}  Cache-Control: ${value}\n${i === 0 ? `  ${NOSNIFF.name}: ${NOSNIFF.value}\n` : ''}`,
    )
    .join('\n');
}

/** The build's story redirects from the history file, which gains the build's addresses; null after saying why not. */
async function buildRedirects(dist: string, historyFile: string): Promise<Map<string, string> | null> {
  const stories = readStoryPaths(dist);
  if (stories === undefined) {
    process.stderr.write(
      `${dist} has no record of where its stories are (.newsroom/story-paths.json): run hosting-headers on the build as \`npm run build\` wrote it, before removing that folder.\n`,
    );
    return null;
  }
  try {
    return await recordBuildInHistory(resolve(historyFile), dist, stories);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return null;
  }
}

/** The live release's story redirects, or undefined if no release is live. */
function liveRedirects(): Map<string, string> | undefined {
  const store = existingReleaseStore();
  try {
    const id = store?.liveId();
    return store && id ? storyRedirects(store.storyPathHistory(), store.readManifest(id)) : undefined;
  } finally {
    store?.close();
  }
}

process.exitCode = await main();
