// @sanity/import's fixtures (../shared/conformance/sanity-import): each one
// either loads with upstream's behaviour (expected-behaviour.snap holds what
// upstream sends) or is rejected with upstream's message, naming the line, and
// leaves the dataset untouched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError, type ImportOptions, importDataset, LakeStore } from '../../lake/index.ts';
import { tempDir } from '../helpers/lake.ts';

const FIXTURES = join(import.meta.dirname, '../../../shared/conformance/sanity-import');
const fixture = (name: string) => join(FIXTURES, `${name}.ndjson`);

/** The upstream snapshot file, parsed: name → the value upstream's import sent or threw. */
function readSnapshots(): Map<string, unknown> {
  const text = readFileSync(join(FIXTURES, 'expected-behaviour.snap'), 'utf8');
  const out = new Map<string, unknown>();
  for (const match of text.matchAll(/exports\[`(.+?)`\] = `\n([\s\S]*?)\n`;/g)) {
    const body = match[2] as string;
    const error = /^\[Error: ([\s\S]*)\]$/.exec(body);
    out.set(
      match[1] as string,
      error ? { error: (error[1] as string).replace(/\\`/g, '`') } : JSON.parse(body.replace(/,(\s*[}\]])/g, '$1')),
    );
  }
  return out;
}

const snapshots = readSnapshots();
const upstream = (name: string) => {
  const value = snapshots.get(name);
  if (value === undefined) throw new Error(`No upstream snapshot "${name}"`);
  return value as {
    mutations?: { create: Record<string, unknown> }[];
    actions?: { attributes: Record<string, unknown> }[];
    error?: string;
  };
};

let dir: string;
let store: LakeStore;
const dirs: string[] = [];

beforeEach(() => {
  dir = tempDir('lake-import-');
  dirs.push(dir);
  store = new LakeStore(dir);
  store.createDataset('production');
});
afterEach(() => store.close());
afterAll(async () => {
  const { rmSync } = await import('node:fs');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const run = (name: string, options: Partial<ImportOptions> = {}) =>
  importDataset(store, fixture(name), { dataset: 'production', dataDir: dir, projectId: 'local', ...options });

/** Stored documents without the fields the server adds (upstream's snapshots show what was sent). */
function stored(): Record<string, unknown>[] {
  return (store.dataset('production')?.sorted() ?? []).map(({ _rev, _createdAt, _updatedAt, ...doc }) => doc);
}

const byId = (docs: Record<string, unknown>[]) => [...docs].sort((a, b) => String(a._id).localeCompare(String(b._id)));

describe('fixtures that load', () => {
  it('employees: the documents upstream creates', async () => {
    expect(await run('employees')).toMatchObject({ numDocs: 2 });
    expect(byId(stored())).toEqual(
      byId(upstream('accepts a stream as source > employee creation 1').mutations?.map((m) => m.create) ?? []),
    );
  });

  it('valid-but-missing-ids: missing ids become UUIDs', async () => {
    expect(await run('valid-but-missing-ids')).toMatchObject({ numDocs: 3 });
    const ids = stored().map((doc) => doc._id as string);
    expect(ids).toContain('pk');
    expect(ids.filter((id) => /^[a-z0-9]+-[a-z0-9]+-[a-z0-9]+-[a-z0-9]+-[a-z0-9]+$/.test(id))).toHaveLength(2);
  });

  it('system-documents: system documents are dropped, releases kept', async () => {
    expect(await run('system-documents')).toMatchObject({ numDocs: 5 });
    const expected = [
      ...(upstream('allows system documents if asked > employee creation 4').mutations?.map((m) => m.create) ?? []),
      upstream('allows system documents if asked > employee creation 5').actions?.[0]?.attributes,
      upstream('allows system documents if asked > employee creation 6').actions?.[0]?.attributes,
    ] as Record<string, unknown>[];
    expect(byId(stored())).toEqual(byId(expected));
  });

  it('system-documents with allowSystemDocuments: all eight', async () => {
    expect(await run('system-documents', { allowSystemDocuments: true })).toMatchObject({ numDocs: 8 });
    const created =
      upstream('allows system documents if asked > employee creation 1').mutations?.map((m) => m.create) ?? [];
    expect(stored()).toEqual(expect.arrayContaining(created));
  });

  it('unkeyed: array objects get _key, references get _type', async () => {
    await run('unkeyed');
    const pk = stored().find((doc) => doc._id === 'pk') as {
      favGames: { _key: string; _ref: string; _type: string }[];
    };
    // The games are not in the file: weak, as upstream's refused strengthening leaves them (missing-targets.ts).
    expect(pk.favGames).toEqual([
      { _key: expect.stringMatching(/^[a-z0-9]+$/), _ref: 'cod2', _type: 'reference', _weak: true },
      { _key: expect.stringMatching(/^[a-z0-9]+$/), _ref: 'bf2', _type: 'reference', _weak: true },
    ]);
    expect(new Set(pk.favGames.map((g) => g._key)).size).toBe(2);
  });

  it('references: _type added, _projectId synced to this project, once the referenced dataset exists', async () => {
    store.createDataset('authors');
    expect(await run('references')).toMatchObject({ numDocs: 6 });
    const docs = stored();
    expect(docs.find((d) => d._id === 'missing-type-ref')?.author).toEqual({ _ref: 'grrm', _type: 'reference' });
    expect(docs.find((d) => d._id === 'cpr')?.author).toMatchObject({ _projectId: 'local', _dataset: 'authors' });
  });

  it('references with skipCrossDatasetReferences: cross-dataset references are dropped', async () => {
    await run('references', { skipCrossDatasetReferences: true });
    const docs = stored();
    expect(docs.find((d) => d._id === 'cpr')).not.toHaveProperty('author');
    expect(docs.find((d) => d._id === 'cdr')).toEqual({
      _id: 'cdr',
      _type: 'mock',
      title: 'Optionally skip CDRs',
      deep: {},
    });
    expect(docs.find((d) => d._id === 'missing-type-ref')?.author).toEqual({ _ref: 'grrm', _type: 'reference' });
  });

  it('replacement-char with allowReplacementCharacters: imported as upstream does', async () => {
    await run('replacement-char', { allowReplacementCharacters: true });
    const expected = upstream(
      'allows replacement character when allowReplacementCharacters is true > employee creation 1',
    );
    expect(byId(stored())).toEqual(byId(expected.mutations?.map((m) => m.create) ?? []));
  });
});

describe('fixtures that are rejected, naming the line, importing nothing', () => {
  it.each([
    ['duplicate-ids', 'Found 2 duplicate IDs in the source file:\n- pk\n- espen'],
    ['invalid-id', 'Failed to parse line #2: Document contained an invalid "_id" property - must be a string'],
    [
      'invalid-id-format',
      'Failed to parse line #2: Document ID "pk#123" is not valid: Please use alphanumeric document IDs. Dashes (-) and underscores (_) are also allowed.',
    ],
    ['missing-type', 'Failed to parse line #3: Document did not contain required "_type" property of type string'],
    ['invalid-json', /^Failed to parse line #3: .+/],
    [
      'replacement-char',
      'Unicode replacement character (U+FFFD) found on line 2. This usually indicates encoding issues in the source data.',
    ],
    ['missing-asset-type', upstream('rejects on missing asset type prefix 1').error as string],
    ['references', /Missing dataset: "authors"/],
  ])('%s', async (name, message) => {
    const failure = await run(name).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    if (typeof message === 'string') expect((failure as Error).message).toBe(message);
    else expect((failure as Error).message).toMatch(message);
    expect(stored()).toEqual([]);
  });
});
