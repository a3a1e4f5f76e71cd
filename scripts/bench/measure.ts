// Runs a command as a child process and measures what a reader of the results
// cares about: wall time and the peak memory of the whole process tree, and
// the CPU time it used, which says how much of the wall time was work.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sampleTreeRss } from './process-tree-rss.ts';

export type Measurement = {
  seconds: number;
  peakRssBytes: number;
  /** User and system CPU-seconds of the process tree; undefined without /proc. */
  cpuSeconds?: number;
  output: string;
};

/**
 * CPU-seconds used by this process's children that have ended, and by the
 * descendants each of them waited for (cutime and cstime in /proc/self/stat,
 * in Linux's 100 ticks a second): the build's own threads (images included)
 * and its lake. A Pagefind process is counted if it ended before the build
 * did; the build stops it without waiting, so one still running at the very
 * end would be missed.
 */
function endedChildrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

export function measure(command: string, args: string[], env: Record<string, string> = {}): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = endedChildrenCpu();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = sampleTreeRss(child.pid as number);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const peakRssBytes = sampler.stop();
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = endedChildrenCpu();
      const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
      else resolve({ seconds, peakRssBytes, cpuSeconds, output });
    });
  });
}

/** Repeated measurements of one thing, as one: see medianOf. */
export type Repeated = Measurement & { allSeconds: number[] };

/**
 * The median of repeated measurements of one thing (by wall time, with that
 * run's CPU time), the peak memory of any of them, and every run's seconds.
 */
export function medianOf(runs: readonly Measurement[]): Repeated {
  if (runs.length === 0) throw new Error('medianOf needs at least one measurement');
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as Measurement;
  return {
    ...median,
    peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)),
    allSeconds: runs.map((r) => r.seconds),
  };
}
