// Runs a command as a child process and measures what a reader of the results
// cares about: wall time and the peak memory of the whole process tree.
import { spawn } from 'node:child_process';
import { sampleTreeRss } from './process-tree-rss.ts';

export type Measurement = { seconds: number; peakRssBytes: number; output: string };

export function measure(command: string, args: string[], env: Record<string, string> = {}): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
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
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
      else resolve({ seconds, peakRssBytes, output });
    });
  });
}
