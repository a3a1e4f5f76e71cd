// Debian's Chromium with a DevTools port, for tools that drive it over the
// protocol themselves (Lighthouse), launched with the same flags as the
// browser tests (tests/helpers/browser.ts): headless, no sandbox, no calls home.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/helpers/browser.ts';

export type DebugChromium = { port: number; close: () => void };

export function launchDebugChromium(): Promise<DebugChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const close = () => {
    child.kill();
    rmSync(profile, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      close();
      reject(new Error(`Chromium at ${CHROMIUM} did not open a DevTools port within 20 s:\n${seen.slice(-2000)}`));
    }, 20_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk;
      const port = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ port: Number(port), close });
      }
    });
  });
}
