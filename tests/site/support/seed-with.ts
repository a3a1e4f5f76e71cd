// The seed and a few documents a test writes, imported into a fresh lake and
// built with the real build: for tests that need particular stories and not
// the bulk of a generated newsroom (fixture-site.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNodeScript } from '../../../scripts/support/run-node.ts';
import { type BuildRun, ROOT, runBuild, tempDir } from '../../helpers/site-build.ts';

export const SITE_URL = 'https://news.example';

const HOUR = 3_600_000;

/** A Portable Text paragraph of one span. */
export const paragraph = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
});

/** A story in the seed's Technology section, published `hoursAgo` hours ago, with `fields` added. */
export const seedStory = (id: string, slug: string, headline: string, hoursAgo: number, fields: object) => ({
  _type: 'story',
  _id: id,
  headline,
  slug: { _type: 'slug', current: slug },
  section: { _type: 'reference', _ref: 'section-technology' },
  publishedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
  ...fields,
});

/** Builds the seed and `documents` (strict, so an invalid one fails the build); the site is at `outDir`. */
export async function buildSeedWith(documents: readonly object[]): Promise<BuildRun> {
  const work = tempDir('newsroom-seed-with-');
  const extras = join(work, 'extras');
  mkdirSync(extras);
  writeFileSync(join(extras, 'data.ndjson'), documents.map((d) => `${JSON.stringify(d)}\n`).join(''));
  const lakeDir = join(work, 'lake');
  const importInto = (dir: string) => runNodeScript(join(ROOT, 'scripts/import.ts'), [dir, '--data-dir', lakeDir]);
  await importInto(join(ROOT, 'content'));
  await importInto(extras);
  const site = await runBuild({ lakeDir, strict: true, env: { SITE_URL } });
  if (site.code !== 0) throw new Error(`the site did not build:\n${site.output.slice(-6000)}`);
  return site;
}
