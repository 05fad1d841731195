/**
 * Keys pressed inside Daylight's own UI on a page are Daylight's: the host's shortcuts (which
 * listen on the document) must not act on them. Listening on the window in the capture phase
 * runs before the host's document listeners; the default action (a button's activation on Enter
 * or Space, typing) still happens.
 */
export function keepKeysInside(host: HTMLElement, signal: AbortSignal, onKey: (event: KeyboardEvent) => void = () => undefined): void {
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    window.addEventListener(
      type,
      (event) => {
        if (!event.composedPath().includes(host)) return;
        if (type === 'keydown') onKey(event);
        event.stopImmediatePropagation();
      },
      { capture: true, signal },
    );
  }
}

/** Focusable controls inside a shadow root, in order. */
export function focusables(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button:not([disabled]), a[href], select, [tabindex]:not([tabindex="-1"])')];
}
