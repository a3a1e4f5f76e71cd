// The build's V8 settings (scripts/support/build-heap.ts) keep its peak memory
// within the benchmark's 1 GB; they only work if every way of starting a build
// passes them and Node accepts them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_NODE_FLAGS } from '../../scripts/support/build-heap.ts';
import { ROOT } from '../helpers/site-build.ts';

describe('the build heap settings', () => {
  it('are what `npm run build` starts Node with', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.build).toBe(`node ${BUILD_NODE_FLAGS.join(' ')} scripts/build.ts`);
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
});
