// One editor in one browser context, logged in to the Studio the way an
// editor is: by opening a `#token=` login link. Sanity-host requests are
// refused and the console is watched from the first moment.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type ConsoleWatch, refuseSanityHosts, watchConsole } from './console-watch.ts';

export type StudioSession = {
  context: BrowserContext;
  page: Page;
  console: ConsoleWatch;
  /** Opens a Studio path (a full page load, as following a link would). */
  goto(path: string): Promise<void>;
  /** Opens a document's form and waits until it can be edited. */
  edit(id: string, type: string): Promise<void>;
  /** Starts a new document from the type's template; returns its (published) id. */
  create(type: string): Promise<string>;
  /** Waits for the open document's form; returns the document's (published) id. */
  openDocument(): Promise<string>;
  close(): Promise<void>;
};

/** Logs in by opening `path` with the editor's `#token=` (the Studio keeps any path), so a journey starts where it works. */
export async function openStudio(options: { browser: Browser; studioUrl: string; token: string; path?: string }) {
  const context = await options.browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 1000 },
  });
  const refused: string[] = [];
  await refuseSanityHosts(context, refused);
  const page = await context.newPage();
  const watch = watchConsole(page, refused);
  const url = (path: string) => `${options.studioUrl}${path}`;
  await page.goto(url(`${options.path ?? '/'}#token=${options.token}`));
  // Logged in: the structure tool, not the login screen.
  await page.getByTestId('structure-tool-list-pane').first().waitFor();
  const session: StudioSession = {
    context,
    page,
    console: watch,
    async goto(path) {
      await page.goto(url(path));
    },
    async edit(id, type) {
      await page.goto(url(`/intent/edit/id=${id};type=${type}/`));
      await formReady(page);
    },
    async create(type) {
      await page.goto(url(createPath(type)));
      return session.openDocument();
    },
    async openDocument() {
      await formReady(page);
      return documentIdInUrl(page.url());
    },
    close: () => context.close(),
  };
  return session;
}

/** The Studio path that starts a new document of `type`. */
export const createPath = (type: string) => `/intent/create/template=${type};type=${type}/`;

/** The form is there and editable (the document's permissions and snapshot have loaded). */
async function formReady(page: Page): Promise<void> {
  await page.getByTestId('form-view').waitFor();
  await page.locator('[data-testid="form-view"] input:not([readonly]):not([disabled])').first().waitFor();
}

/** The document id of the open pane: the last `;`-separated path segment, before its `,params`. */
function documentIdInUrl(href: string): string {
  const last = decodeURIComponent(new URL(href).pathname).split(';').pop() ?? '';
  const id = last.split(',')[0] ?? '';
  if (!/^[\w.-]+$/.test(id)) throw new Error(`No document id in the Studio URL ${href}`);
  return id;
}
