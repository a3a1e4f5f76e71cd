// What a pane's Publish button said, and when. Sanity turns a publish that has
// not shown up within 4 s back into a plain "Publish" without a word, so at
// the end of a failed wait a click that did nothing and a publish that was
// sent but never landed look the same. The log tells them apart.
import type { Locator } from 'playwright-core';

export type ButtonState = { at: number; label: string; disabled: boolean };

type LoggedPane = Element & { __newsroomPublishButton?: ButtonState[] };

/** Starts the log on `pane` (once; again after a navigation); returns a reader of it. */
export async function publishButtonLog(pane: Locator): Promise<() => Promise<ButtonState[]>> {
  await pane.evaluate((element) => {
    const logged = element as LoggedPane;
    if (logged.__newsroomPublishButton) return;
    const log: ButtonState[] = [];
    logged.__newsroomPublishButton = log;
    const scan = () => {
      const button = element.querySelector('[data-testid="action-publish"]');
      const state = {
        at: Date.now(),
        label: button?.textContent?.trim() ?? '(no button)',
        disabled: button?.hasAttribute('disabled') ?? false,
      };
      const last = log[log.length - 1];
      if (!last || last.label !== state.label || last.disabled !== state.disabled) log.push(state);
    };
    new MutationObserver(scan).observe(element, {
      subtree: true,
      childList: true,
      characterData: true,
      attributeFilter: ['disabled', 'data-disabled'],
    });
    scan();
  });
  return () => pane.evaluate((element) => (element as LoggedPane).__newsroomPublishButton ?? []);
}

/** The log as a failure message prints it: times in seconds from `from`. */
export function describeButtonLog(states: readonly ButtonState[], from: number): string {
  return states
    .map((s) => `${((s.at - from) / 1000).toFixed(1)}s "${s.label}"${s.disabled ? ' (disabled)' : ''}`)
    .join(', ');
}
