// Every toast the Studio shows on a page, kept after it closes. A toast lasts
// a few seconds and a failed wait thirty, so what the Studio said when a step
// went wrong is often gone by the time the test reports it.
import type { Page } from 'playwright-core';

type ToastWindow = { __newsroomToasts?: string[] };

/** Starts the log on the page's current document (again after a navigation); returns a reader of it. */
export async function toastLog(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as ToastWindow;
    if (w.__newsroomToasts) return;
    const log: string[] = [];
    w.__newsroomToasts = log;
    const logged = new WeakSet<Element>();
    // A toast can be added empty and filled in later, so one is logged once it has text.
    const scan = () => {
      for (const toast of document.querySelectorAll('[data-ui="Toast"]')) {
        if (logged.has(toast) || !toast.textContent) continue;
        logged.add(toast);
        log.push(toast.textContent);
      }
    };
    new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
    scan();
  });
  return () => page.evaluate(() => (window as unknown as ToastWindow).__newsroomToasts ?? []);
}
