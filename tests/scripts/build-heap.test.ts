// The build's V8 settings (scripts/support/build-heap.ts) keep its peak memory
// within the benchmark's 1 GB; they only work if every way of starting a build
// passes them and Node accepts them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILD_NODE_ENV, BUILD_NODE_FLAGS } from '../../scripts/support/build-heap.ts';
import { hugePageMode } from '../helpers/huge-pages.ts';
import { ROOT } from '../helpers/site-build.ts';

describe('the build heap settings', () => {
  it('are what `npm run build` starts Node with', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const env = Object.entries(BUILD_NODE_ENV).map(([k, v]) => `${k}=${v} `);
    expect(scripts.build).toBe(`${env.join('')}node ${BUILD_NODE_FLAGS.join(' ')} scripts/build.ts`);
  });

  it('take effect: the young generation stays within twice the semi-space size', () => {
    // Allocates short-lived objects until V8 has grown its young generation as far as it will.
    const probe = `
      const v8 = require('node:v8');
      let keep = [];
      for (let i = 0; i < 4e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 300000) keep = []; }
      const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      console.log(young.space_size);`;
    const young = (flags: readonly string[]) =>
      Number(execFileSync(process.execPath, [...flags, '-e', probe], { encoding: 'utf8' }).trim());
    const semiSpace = Number(BUILD_NODE_FLAGS.find((f) => f.startsWith('--max-semi-space-size='))?.split('=')[1]);
    expect(young(BUILD_NODE_FLAGS)).toBeLessThanOrEqual(2 * semiSpace * 1024 * 1024);
    expect(young([])).toBeGreaterThan(2 * semiSpace * 1024 * 1024);
  });

  it('give big allocations huge pages wherever the kernel offers them on request', () => {
    // A 64 MB buffer, as the build's images and HTTP bodies are allocated: by glibc's malloc.
    const probe = `
      const { hugePageKb } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'tests/helpers/huge-pages.ts')).href)});
      const buffer = Buffer.alloc(64 * 2 ** 20, 1);
      console.log(hugePageKb('self'), buffer[0]);`;
    const hugeKb = (env: Record<string, string>) =>
      Number(
        execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
          env: { ...process.env, ...env },
          encoding: 'utf8',
        }).split(' ')[0],
      );
    const mode = hugePageMode();
    expect(hugeKb(BUILD_NODE_ENV) > 0).toBe(mode !== 'never');
    expect(hugeKb({ GLIBC_TUNABLES: '' }) > 0).toBe(mode === 'always');
  });
});
