// Debian's Chromium driven by playwright-core, launched the way this machine
// needs: no sandbox (root), no GPU, and none of Chromium's background calls
// home, which the closed network refuses noisily.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(options: { ignoreHTTPSErrors?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (CI does this in .ci/run).`,
    );
  }
  // Playwright gives each launch a fresh temporary profile itself (it refuses --user-data-dir).
  const args = [...CHROMIUM_ARGS];
  if (options.ignoreHTTPSErrors) args.push('--ignore-certificate-errors');
  return chromium.launch({ executablePath: CHROMIUM, args });
}
