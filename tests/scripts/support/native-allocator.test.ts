// Pagefind's indexer is told through native-allocator.ts to take 2 MB pages
// where the kernel offers them: at 10k stories it otherwise faulted in about
// 470k pages of 4 KB, seconds of a first build on a virtual machine.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hugePageMode } from '../../helpers/huge-pages.ts';
import { ROOT } from '../../helpers/site-build.ts';

// Indexes 3,000 records of 400 words in the process's Pagefind indexer, as a
// search shard does, and prints the indexer's resident huge pages (KB).
const probe = `
  await import(${JSON.stringify(pathToFileURL(join(ROOT, 'scripts/support/native-allocator.ts')).href)});
  const { hugePageKb } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'tests/helpers/huge-pages.ts')).href)});
  const { readdirSync, readFileSync } = await import('node:fs');
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  const words = Array.from({ length: 4400 }, (_, i) => 'word' + i);
  for (let i = 0; i < 3000; i++) {
    await index.addCustomRecord({ url: '/s/' + i, content: words.slice(i % 4000, (i % 4000) + 400).join(' '), language: 'en' });
  }
  // A process that ends while /proc is read has no parent to name.
  const parentOf = (pid) => { try { return readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ')[1]; } catch {} };
  const indexer = readdirSync('/proc').find((p) => /^\\d+$/.test(p) && parentOf(p) === String(process.pid));
  console.log(hugePageKb(indexer));
  await pagefind.close();`;

const indexerHugePages = (env: Record<string, string>) =>
  Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    }).trim(),
  );

describe("a build's Pagefind indexer", () => {
  it('holds its index in huge pages wherever the kernel offers them, and a setting of the operator’s own wins', () => {
    const mode = hugePageMode();
    expect(indexerHugePages({}) > 0).toBe(mode !== 'never');
    // An operator who set jemalloc's options keeps them (native-allocator.ts only fills a gap).
    expect(indexerHugePages({ _RJEM_MALLOC_CONF: 'thp:never' })).toBe(0);
  });
});
