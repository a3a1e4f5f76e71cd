// Bringing the KeyValueStore to the redirects of a build: in UpdateKeys
// batches within AWS's quota, nothing sent when nothing changed, and a
// refusal naming the file for what the store would not take.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateKeysBatches } from '../../../scripts/cloudfront/kvs-batches.ts';
import { kvsImportFile } from '../../../scripts/cloudfront/kvs-store.ts';

const redirects = (n: number, to = 'now') =>
  new Map(Array.from({ length: n }, (_, i) => [`/story/was-${i}`, `/story/${to}-${i}`]));
const file = (n: number, to?: string) => JSON.parse(kvsImportFile(redirects(n, to)));
const listing = (n: number, to?: string) => ({
  Items: [...redirects(n, to)].map(([Key, Value]) => ({ Key, Value })),
});

describe('the UpdateKeys batches', () => {
  it('put a new store’s keys 50 at a time', () => {
    expect(updateKeysBatches(file(120), { Items: [] }).map((b) => b.Puts?.length)).toEqual([50, 50, 20]);
  });

  it('are none when the store holds the redirects already', () => {
    expect(updateKeysBatches(file(120), listing(120))).toEqual([]);
  });

  it('put what changed and delete what is gone', () => {
    const batches = updateKeysBatches(file(2, 'moved'), listing(3));
    expect(batches).toEqual([
      {
        Puts: [
          { Key: '/story/was-0', Value: '/story/moved-0' },
          { Key: '/story/was-1', Value: '/story/moved-1' },
        ],
        Deletes: [{ Key: '/story/was-2' }],
      },
    ]);
  });

  it('refuse a listing of one page of keys, which would delete nothing it should', () => {
    expect(() =>
      updateKeysBatches(file(1), { Items: [], NextToken: 'x' }, { wanted: 'a', listing: 'keys.json' }),
    ).toThrow(/keys\.json is not a listing of a KeyValueStore's keys.*NextToken/s);
  });
});

describe('the KeyValueStore import file', () => {
  it('refuses an address longer than a key may be, naming it', () => {
    const long = `/story/${'ü'.repeat(300)}`;
    expect(() => kvsImportFile(new Map([[long, '/story/x']]))).toThrow(`The former address ${long} is 607 bytes`);
  });
});

describe('node scripts/cloudfront-kvs-batches.ts', () => {
  it('names the file that is not an import file, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvs-cli-'));
    writeFileSync(join(dir, 'redirects.json'), '{"data": [{"key": "/a"}]}');
    writeFileSync(join(dir, 'listing.json'), '{"Items": []}');
    const script = join(import.meta.dirname, '../../../scripts/cloudfront-kvs-batches.ts');
    const args = [script, join(dir, 'redirects.json'), join(dir, 'listing.json'), '--out', join(dir, 'out')];
    const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(process.execPath, args, (error, _, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr })),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'redirects.json')} is not a KeyValueStore import file`);
  });
});
