// What a page says on its console, with the noise the Studio cannot avoid
// offline set apart: requests to Sanity's own hosts (the dashboard bridge,
// fonts, the version check, the feedback probe) fail, and must fail quietly.
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

/** Sanity's hosted services. The tests refuse every request to them, network or not. */
export const SANITY_HOSTS = /(^|\.)(sanity\.io|sanity-cdn\.com|sanity\.work|sanity-cdn\.work)$/;

/**
 * Messages the Studio logs about a refused Sanity-host request without naming
 * the host, each tied to the request that explains it: they count as noise
 * only when that request was refused.
 */
const EXPLAINED_BY_REFUSAL: { message: RegExp; request: RegExp }[] = [
  // The package version check (PackageVersionStatusProvider) always asks sanity-cdn.com.
  { message: /^Failed to fetch version for package/, request: /^https:\/\/sanity-cdn\.com\/v1\/modules\// },
];

/**
 * Warnings that are not ours to fix. The presence socket is opened, closed
 * and reopened at once when the Studio mounts (an effect that runs twice);
 * Chromium warns about the first one on every page load, whatever the server.
 */
const KNOWN_WARNINGS = [
  /^WebSocket connection to 'wss:\/\/[\w.-]+:\d+\/v\d{4}-\d{2}-\d{2}\/socket\/[\w-]+\?tag=sanity\.studio' failed: WebSocket is closed before the connection is established\.$/,
];

/**
 * Errors that are not ours to fix. The same socket churn, when a document is
 * unpublished or deleted under load (CI, test files side by side): the
 * Studio's bundle sends on a socket it has already begun to close, and
 * Chromium logs this. The lake closes a presence socket only after a failed
 * login or a broken frame, and logs neither here; run alone, these journeys
 * never log it.
 */
const KNOWN_ERRORS = [/^WebSocket is already in CLOSING or CLOSED state\.$/];

/**
 * What a Studio logs while the lake restarts, which journeys that restart it
 * set aside: listeners refused while it stops (its 503 LakeStopping) and
 * connections refused while it is away (Chromium's ERR_CONNECTION_*, and the
 * listener polyfill's "network error" or "Failed to fetch", whichever way
 * the refusal reaches it).
 */
export const LAKE_RESTART_NOISE =
  /ERR_CONNECTION|status of 503|response has a status 503|network error|^TypeError: Failed to fetch/;

export type ConsoleEntry = { type: string; text: string; url: string };

export type ConsoleWatch = {
  /** Errors, uncaught exceptions and unexpected warnings not explained by a refused Sanity-host request. */
  problems(): ConsoleEntry[];
  /** Everything refused because it went to a Sanity host. */
  refused(): string[];
};

/** Refuses Sanity-host requests in `context`, so runs with and without a network behave alike. */
export async function refuseSanityHosts(context: BrowserContext, refused: string[] = []): Promise<void> {
  await context.route(
    (url) => SANITY_HOSTS.test(url.hostname),
    (route) => {
      refused.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
}

export function watchConsole(page: Page, refused: string[]): ConsoleWatch {
  const entries: ConsoleEntry[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    entries.push({ type: message.type(), text: message.text(), url: message.location().url });
  });
  page.on('pageerror', (error) => entries.push({ type: 'pageerror', text: String(error), url: '' }));
  return {
    problems: () => entries.filter((entry) => !isSanityHostNoise(entry, refused) && !isKnownWarning(entry)),
    refused: () => [...refused],
  };
}

function isSanityHostNoise(entry: ConsoleEntry, refused: string[]): boolean {
  const named = [entry.url, ...(entry.text.match(/https?:\/\/[^\s'"),]+/g) ?? [])];
  const namesSanityHost = named.some((url) => {
    try {
      return SANITY_HOSTS.test(new URL(url).hostname);
    } catch {
      return false;
    }
  });
  return (
    namesSanityHost ||
    EXPLAINED_BY_REFUSAL.some(
      ({ message, request }) => message.test(entry.text) && refused.some((url) => request.test(url)),
    )
  );
}

function isKnownWarning(entry: ConsoleEntry): boolean {
  const known = entry.type === 'warning' ? KNOWN_WARNINGS : entry.type === 'error' ? KNOWN_ERRORS : [];
  return known.some((pattern) => pattern.test(entry.text));
}
