import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDataset, ImportError, importDataset, type LakeDocument, LakeStore } from '../../lake/index.ts';
import { startTestLake, type TestLake, tempDir } from '../helpers/lake.ts';

const work = tempDir('lake-io-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small export folder: documents, a draft, an image used twice, an unreferenced image and a file. */
async function writeExport(dir: string) {
  mkdirSync(join(dir, 'images'), { recursive: true });
  mkdirSync(join(dir, 'files'), { recursive: true });
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
    .png()
    .toFile(join(dir, 'images', 'cover.png'));
  await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
    .jpeg()
    .toFile(join(dir, 'images', 'spare.jpg'));
  writeFileSync(join(dir, 'files', 'notes.txt'), 'plain text attachment');
  const docs = [
    { _id: 'person-1', _type: 'person', name: 'Ann', _createdAt: '2020-01-01T00:00:00.000Z' },
    {
      _id: 'story-1',
      _type: 'story',
      title: 'Hello',
      author: { _type: 'reference', _ref: 'person-1' },
      cover: {
        _type: 'photo',
        _sanityAsset: 'image@file://./images/cover.png',
        caption: 'Blue',
        hotspot: { x: 0.5, y: 0.5, height: 1, width: 1 },
      },
      gallery: [{ _key: 'g1', _sanityAsset: 'image@file://./images/cover.png' }],
      attachment: { _sanityAsset: 'file@file://./files/notes.txt' },
      body: [{ _type: 'block', _key: 'b1', children: [{ _type: 'span', _key: 's1', text: 'Hi' }] }],
    },
    { _id: 'drafts.story-1', _type: 'story', title: 'Hello (draft)' },
  ];
  writeFileSync(join(dir, 'data.ndjson'), `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
}

const withoutRevision = ({ _rev, _updatedAt, ...doc }: LakeDocument) => doc;

describe('import', () => {
  let t: TestLake;
  beforeAll(async () => {
    await writeExport(join(work, 'source'));
    t = await startTestLake();
    await t.lake.import(join(work, 'source'));
  });
  afterAll(() => t.close());

  it('turns _sanityAsset placeholders into references to asset documents, as @sanity/import does', async () => {
    const story = await t.viewer.getDocument('story-1');
    const image = await t.viewer.fetch('*[_type == "sanity.imageAsset" && originalFilename == "cover.png"][0]');
    expect(image._id).toMatch(/^image-[a-f0-9]{40}-64x48-png$/);
    expect(story?.cover).toEqual({
      _type: 'photo',
      caption: 'Blue',
      hotspot: { x: 0.5, y: 0.5, height: 1, width: 1 },
      asset: { _ref: image._id, _type: 'reference' },
    });
    expect(story?.gallery).toEqual([{ _key: 'g1', asset: { _ref: image._id, _type: 'reference' } }]);
    expect(story?.attachment).toEqual({
      _type: 'file',
      asset: { _ref: expect.stringMatching(/^file-[a-f0-9]{40}-txt$/), _type: 'reference' },
    });
    expect(await t.viewer.fetch('*[_id == "story-1"][0].cover.asset->metadata.dimensions.height')).toBe(48);
  });

  it('keeps _createdAt from the export and stamps _rev/_updatedAt; drafts come along', async () => {
    expect(await t.viewer.getDocument('person-1')).toMatchObject({
      _createdAt: '2020-01-01T00:00:00.000Z',
      _rev: expect.any(String),
    });
    expect(await t.viewer.getDocument('drafts.story-1')).toMatchObject({ title: 'Hello (draft)' });
  });

  it('imports unreferenced exported assets too, and serves the originals', async () => {
    expect(await t.viewer.fetch('count(*[_type == "sanity.imageAsset"])')).toBe(2);
    const url = await t.viewer.fetch<string>(
      '*[_type == "sanity.imageAsset" && originalFilename == "spare.jpg"][0].url',
    );
    expect(url.startsWith(t.lake.url)).toBe(true);
    expect((await fetch(url)).headers.get('content-type')).toBe('image/jpeg');
  });

  it('modes: create refuses existing ids (naming them, importing nothing), --missing keeps them, --replace overwrites', async () => {
    await t.editor.patch('person-1').set({ name: 'Changed' }).commit();
    const failure = await t.lake.import(join(work, 'source')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toContain('"person-1" (line 1)');
    await t.lake.import(join(work, 'source'), { mode: 'createIfNotExists' });
    expect((await t.viewer.getDocument('person-1'))?.name).toBe('Changed');
    await t.lake.import(join(work, 'source'), { mode: 'createOrReplace' });
    expect((await t.viewer.getDocument('person-1'))?.name).toBe('Ann');
  });

  it('rejects remote asset URLs with a clear error naming the document and line', async () => {
    const file = join(work, 'remote.ndjson');
    writeFileSync(
      file,
      '{"_id":"a","_type":"x"}\n{"_id":"web","_type":"x","image":{"_sanityAsset":"image@https://example.com/a.jpg"}}\n',
    );
    const failure = await t.lake.import(file, { dataset: 'remote' }).catch((error: unknown) => error);
    expect((failure as Error).message).toBe(
      'Remote asset https://example.com/a.jpg in document "web" (line 2), path image._sanityAsset: the lake imports local files only (it has no network access)',
    );
  });

  it('a truncated image stops the import, naming the file, document and line, and imports nothing', async () => {
    const dir = join(work, 'truncated');
    mkdirSync(join(dir, 'images'), { recursive: true });
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#369' } })
      .png()
      .toBuffer();
    // The header survives, so the size can be read; the pixels cannot.
    writeFileSync(join(dir, 'images', 'cut.png'), png.subarray(0, 100));
    const docs = [
      { _id: 'cut-fine', _type: 'x' },
      { _id: 'cut-broken', _type: 'x', image: { _sanityAsset: 'image@file://./images/cut.png' } },
    ];
    writeFileSync(join(dir, 'data.ndjson'), `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
    const failure = await t.lake.import(dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toMatch(/cut\.png \(document "cut-broken", line 2\): Invalid image "cut\.png"/);
    expect(await t.editor.fetch('count(*[_id match "cut-*"])')).toBe(0);
  });
});

describe('import refuses documents the lake could not edit afterwards', () => {
  let t: TestLake;
  beforeAll(async () => {
    t = await startTestLake();
  });
  afterAll(() => t.close());

  it.each([
    [
      'an id starting with "-"',
      '{"_id":"-dash","_type":"x"}',
      'Document ID "-dash" (line 2) is not valid: no part of it may start with "-"',
    ],
    ['an id with ".."', '{"_id":"a..b","_type":"x"}', 'Document ID "a..b" (line 2) is not valid'],
    ['an empty _type', '{"_id":"untyped","_type":""}', 'Document "untyped" (line 2) has an empty "_type"'],
    [
      'nesting 5,000 deep',
      `{"_id":"deep","_type":"x","v":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      'Failed to parse line #2: Document nests objects and arrays more than 200 levels deep',
    ],
  ])('%s: the import names the line and imports nothing', async (_name, line, message) => {
    const file = join(work, `refused-${Math.random().toString(36).slice(2)}.ndjson`);
    writeFileSync(file, `{"_id":"refused-fine","_type":"x"}\n${line}\n`);
    const failure = await t.lake.import(file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toContain(message);
    expect(await t.editor.getDocument('refused-fine')).toBeUndefined();
  });
});

describe('export → import round trip', () => {
  it('a folder and a .tar.gz both give the same documents back', async () => {
    const a = await startTestLake();
    await a.lake.import(join(work, 'source'));
    await a.lake.close();
    const store = new LakeStore(a.dataDir);
    exportDataset(store, { dataset: 'production', dataDir: a.dataDir, out: join(work, 'exported') });
    exportDataset(store, { dataset: 'production', dataDir: a.dataDir, out: join(work, 'exported.tar.gz') });
    const original = store.dataset('production')?.sorted().map(withoutRevision);
    store.close();

    const lines = readFileSync(join(work, 'exported', 'data.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((d) => d._id)).toEqual(['drafts.story-1', 'person-1', 'story-1']);
    const story = lines.find((d) => d._id === 'story-1');
    expect(story.cover).toEqual({
      _sanityAsset: expect.stringMatching(/^image@file:\/\/\.\/images\/[a-f0-9]{40}\.png$/),
      _type: 'photo',
      caption: 'Blue',
      hotspot: { x: 0.5, y: 0.5, height: 1, width: 1 },
    });
    expect(readdirSync(join(work, 'exported', 'images'))).toHaveLength(1);
    expect(readdirSync(join(work, 'exported', 'files'))).toHaveLength(1);

    for (const source of ['exported', 'exported.tar.gz']) {
      const dir = tempDir();
      const again = new LakeStore(dir);
      await importDataset(again, join(work, source), { dataset: 'production', dataDir: dir, projectId: 'local' });
      const copy = again.dataset('production')?.sorted().map(withoutRevision);
      // The never-referenced spare.jpg is not exported (as with `sanity dataset export`).
      expect(copy?.map((doc) => doc._id)).toEqual(
        original?.filter((doc) => doc.originalFilename !== 'spare.jpg').map((doc) => doc._id),
      );
      for (const doc of copy ?? []) {
        const before = original?.find((o) => o._id === doc._id);
        if (doc._type === 'sanity.imageAsset' || doc._type === 'sanity.fileAsset') {
          expect(doc).toMatchObject({ originalFilename: before?.originalFilename, sha1hash: before?.sha1hash });
        } else {
          expect(doc).toEqual(before);
        }
      }
      again.close();
      rmSync(dir, { recursive: true, force: true });
    }
    rmSync(a.dataDir, { recursive: true, force: true });
  });
});

describe('scripts/import.ts and scripts/export.ts', () => {
  const run = (script: string, ...args: string[]) =>
    execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('import, export and re-import from the command line', () => {
    const dataDir = join(work, 'cli-lake');
    run('scripts/import.ts', join(work, 'source'), '--data-dir', dataDir, '--dataset', 'staging');
    run(
      'scripts/export.ts',
      join(work, 'cli-export.tar.gz'),
      '--data-dir',
      dataDir,
      '--dataset',
      'staging',
      '--no-drafts',
    );
    run('scripts/import.ts', join(work, 'cli-export.tar.gz'), '--data-dir', join(work, 'cli-lake-2'));
    const store = new LakeStore(join(work, 'cli-lake-2'));
    expect(
      store
        .dataset('production')
        ?.sorted()
        .map((d) => d._id)
        .filter((id) => !id.startsWith('image-') && !id.startsWith('file-')),
    ).toEqual(['person-1', 'story-1']);
    store.close();
  });

  it('a rejected import exits 1 with the reason and the line', () => {
    let stderr = '';
    try {
      run(
        'scripts/import.ts',
        join(import.meta.dirname, '../../../shared/conformance/sanity-import/missing-type.ndjson'),
        '--data-dir',
        join(work, 'cli-bad'),
      );
    } catch (error) {
      const e = error as { status: number; stderr: string };
      expect(e.status).toBe(1);
      stderr = e.stderr;
    }
    expect(stderr).toContain(
      'Failed to parse line #3: Document did not contain required "_type" property of type string',
    );
    expect(stderr).toContain('Nothing was imported');
  });

  it('refuses to import under a running lake', async () => {
    const t = await startTestLake();
    try {
      expect(() => run('scripts/import.ts', join(work, 'source'), '--data-dir', t.dataDir)).toThrow(/stop it first/);
    } finally {
      await t.close();
    }
  });
});

describe('bulk import', () => {
  it('20,000 documents import all together and are all queryable', async () => {
    const file = join(work, 'bulk.ndjson');
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      lines.push(
        JSON.stringify({
          _id: `doc-${i}`,
          _type: i % 2 ? 'story' : 'person',
          n: i,
          ref: { _ref: `doc-${(i + 1) % 20_000}` },
          list: [{ a: i }],
        }),
      );
    }
    writeFileSync(file, lines.join('\n'));
    const dir = tempDir();
    const store = new LakeStore(dir);
    const progress: string[] = [];
    const started = performance.now();
    const result = await importDataset(store, file, {
      dataset: 'production',
      dataDir: dir,
      projectId: 'local',
      onProgress: ({ step }) => progress.push(step),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`bulk import: 20000 documents in ${seconds.toFixed(2)}s`);
    expect(result.numDocs).toBe(20_000);
    expect(progress).toContain('Importing documents');
    store.close();
    const reopened = new LakeStore(dir);
    expect(reopened.dataset('production')?.documents.size).toBe(20_000);
    expect(reopened.dataset('production')?.get('doc-7')).toMatchObject({
      ref: { _type: 'reference' },
      list: [{ _key: expect.any(String) }],
    });
    reopened.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
