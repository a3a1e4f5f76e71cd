// A small newsroom built end to end, once per test file: the seed, 80
// generated stories, and stories written here to pin down what readers must
// and must not see: a fresh story with a correction, an inline photo, a pull
// quote and an editor's byline; a story whose only photo is in its body, by a
// reporter with a photographer's byline beside; a story whose headline, dek,
// byline and photo hold markup and "</script>"; an embargoed story; and an
// unpublished draft.
// Their headlines and topics use words found nowhere else, so a test can look
// for them in every file the build wrote.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNodeScript } from '../../../scripts/support/run-node.ts';
import { type BuildRun, ROOT, runBuild, tempDir } from '../../helpers/site-build.ts';

export const SITE_URL = 'https://news.example';
/** Enough for each generated author to have more than one page of stories (about 2·N/5 each). */
export const GENERATED_STORIES = 80;

export const FRESH = {
  id: 'story-fixture-fresh',
  slug: 'harbour-authority-confirms-marzipan-levy',
  headline: 'Harbour Authority Confirms Marzipan Levy',
  topic: 'Marzipan Tariffs',
  correction: 'An earlier version misstated the levy’s start date.',
  quote: 'We will collect the levy from the first ship that docks.',
};
export const EMBARGOED = {
  id: 'story-fixture-embargoed',
  slug: 'quokka-accord-signed-in-secret',
  headline: 'Quokka Accord Signed in Secret',
  word: 'quokka',
  topic: 'Quokka Diplomacy',
};
export const BODY_PHOTO = {
  id: 'story-fixture-body-photo',
  slug: 'lighthouse-keepers-count-puffins',
  headline: 'Lighthouse Keepers Count Puffins',
  reporter: { id: 'person-fixture-reporter', name: 'Ilse Varga', slug: 'ilse-varga' },
};
export const DRAFT = { id: 'drafts.story-fixture-draft', slug: 'xylophone-manifesto', word: 'xylophone' };
/** Editors' text that is markup to a parser: it must stay text in pages, JSON-LD, feeds and sitemaps. */
export const MARKUP = {
  id: 'story-fixture-markup',
  slug: 'profits-and-losses-in-markup',
  headline: 'Profits </script><script>alert(1)</script> & <!-- "Losses" ]]>',
  dek: 'A dek that closes its </script> & opens <b>',
  reporter: { id: 'person-fixture-markup', name: 'Tom & "Jerry" </script>', slug: 'tom-and-jerry' },
};

export type FixtureSite = BuildRun & { generated: { id: string; slug: string }[] };

const block = (key: string, text: string, style = 'normal') => ({
  _type: 'block',
  _key: key,
  style,
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
});

function photo(image: string, alt: string) {
  return {
    _type: 'photo',
    _sanityAsset: `image@file://./images/${image}`,
    alt,
    caption: 'Ships wait outside the harbour.',
    credit: { photographer: { name: 'Lena Ulrich' }, agencies: ['Reuters'] },
  };
}

function extraStories(related: string) {
  const hour = 3_600_000;
  const base = {
    _type: 'story',
    section: { _type: 'reference', _ref: 'section-business' },
    bylines: [
      { _type: 'byline', _key: 'b1', person: { _type: 'reference', _ref: 'person-atta-kenare' }, role: 'Editor' },
    ],
  };
  const updated = new Date(Date.now() - hour / 2).toISOString();
  const fresh = {
    ...base,
    _id: FRESH.id,
    headline: FRESH.headline,
    slug: { _type: 'slug', current: FRESH.slug },
    dek: 'Shipping lines have a week to prepare.',
    publishedAt: new Date(Date.now() - hour).toISOString(),
    updatedAt: updated,
    heroPhoto: photo('photo-01.jpg', 'Container ships at anchor'),
    topics: [FRESH.topic],
    related: [{ _type: 'reference', _ref: related, _key: 'r1' }],
    corrections: [{ _type: 'correction', _key: 'c1', date: updated, text: FRESH.correction }],
    body: [
      block('p1', 'The harbour authority confirmed the levy on Monday.'),
      { ...photo('photo-02.jpg', 'A crane lifting a container'), _key: 'ph1' },
      {
        _type: 'pullQuote',
        _key: 'pq1',
        text: FRESH.quote,
        speaker: { name: 'Mira Holm' },
        speakerRole: 'the harbour master',
      },
      block('p2', 'Shipping lines said they would pass the cost on.'),
    ],
  };
  const embargoed = {
    ...base,
    _id: EMBARGOED.id,
    headline: EMBARGOED.headline,
    slug: { _type: 'slug', current: EMBARGOED.slug },
    publishedAt: new Date(Date.now() + 30 * 24 * hour).toISOString(),
    topics: [EMBARGOED.topic],
    body: [block('e1', 'The quokka accord stays secret until it is published.')],
  };
  const draft = {
    ...base,
    _id: DRAFT.id,
    headline: 'Xylophone Manifesto Leaks',
    slug: { _type: 'slug', current: DRAFT.slug },
    publishedAt: new Date(Date.now() - 2 * hour).toISOString(),
    body: [block('d1', 'A xylophone draft nobody published.')],
  };
  // Published before the generated stories end, so the fresh story still leads.
  const bodyPhoto = {
    ...base,
    _id: BODY_PHOTO.id,
    headline: BODY_PHOTO.headline,
    slug: { _type: 'slug', current: BODY_PHOTO.slug },
    publishedAt: new Date(Date.now() - 3 * hour).toISOString(),
    bylines: [
      { _type: 'byline', _key: 'b1', person: { _type: 'reference', _ref: BODY_PHOTO.reporter.id }, role: 'Reporter' },
      { _type: 'byline', _key: 'b2', person: { _type: 'reference', _ref: 'person-atta-kenare' }, role: 'Photographer' },
    ],
    body: [
      block('bp1', 'The keepers counted the puffins on the cliffs below the lighthouse.'),
      { ...photo('photo-02.jpg', 'Puffins on a cliff'), _key: 'bp2', caption: 'Puffins return every spring.' },
      block('bp3', 'The count is the highest in a decade.'),
    ],
  };
  const reporter = {
    _type: 'person',
    _id: BODY_PHOTO.reporter.id,
    name: BODY_PHOTO.reporter.name,
    slug: { _type: 'slug', current: BODY_PHOTO.reporter.slug },
  };
  const markup = {
    ...base,
    _id: MARKUP.id,
    headline: MARKUP.headline,
    slug: { _type: 'slug', current: MARKUP.slug },
    dek: MARKUP.dek,
    publishedAt: new Date(Date.now() - 4 * hour).toISOString(),
    bylines: [
      { _type: 'byline', _key: 'b1', person: { _type: 'reference', _ref: MARKUP.reporter.id }, role: 'Reporter' },
    ],
    heroPhoto: { ...photo('photo-01.jpg', 'A ledger </script> & <b>'), caption: 'Books <!-- closed --> & "balanced"' },
    body: [block('m1', 'The figures </script> came in & <i>nobody</i> checked them.')],
  };
  const markupReporter = {
    _type: 'person',
    _id: MARKUP.reporter.id,
    name: MARKUP.reporter.name,
    slug: { _type: 'slug', current: MARKUP.reporter.slug },
  };
  return [fresh, bodyPhoto, reporter, markup, markupReporter, embargoed, draft];
}

/** Generates, imports and builds the fixture newsroom; the site is at `outDir`. */
export async function buildFixtureSite(env: Record<string, string> = {}): Promise<FixtureSite> {
  const work = tempDir('newsroom-fixture-');
  const exported = join(work, 'generated');
  // Generated stories end two hours ago, so the fresh one (an hour ago) leads.
  const now = new Date(Date.now() - 2 * 3_600_000).toISOString();
  await runNodeScript(join(ROOT, 'scripts/generate.ts'), [
    ...['--stories', String(GENERATED_STORIES), '--out', exported, '--now', now],
  ]);
  const generated = readFileSync(join(exported, 'data.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { _id: string; _type: string; slug?: { current: string } })
    .filter((d) => d._type === 'story')
    .map((d) => ({ id: d._id, slug: d.slug?.current ?? '' }));
  const extras = join(work, 'extras');
  mkdirSync(join(extras, 'images'), { recursive: true });
  for (const image of readdirSync(join(exported, 'images')).slice(0, 2)) {
    cpSync(join(exported, 'images', image), join(extras, 'images', image));
  }
  const related = generated[0]?.id ?? '';
  writeFileSync(
    join(extras, 'data.ndjson'),
    extraStories(related)
      .map((d) => `${JSON.stringify(d)}\n`)
      .join(''),
  );
  const lakeDir = join(work, 'lake');
  const importInto = (dir: string, ...flags: string[]) =>
    runNodeScript(join(ROOT, 'scripts/import.ts'), [dir, '--data-dir', lakeDir, ...flags]);
  await importInto(exported);
  await importInto(join(ROOT, 'content'), '--missing');
  await importInto(extras, '--missing');
  const run = await runBuild({ lakeDir, strict: true, env: { SITE_URL, ...env } });
  if (run.code !== 0) throw new Error(`the fixture site did not build:\n${run.output.slice(-6000)}`);
  return { ...run, generated };
}

/** Every file the build wrote, relative to the output directory. */
export function builtFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(outDir.length + 1))
    .sort();
}
