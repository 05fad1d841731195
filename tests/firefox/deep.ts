import type { ElementHandle, Page } from 'puppeteer-core';
import { pollPage } from '../harness/firefox';

/**
 * Daylight's UI renders in open shadow roots (docs/contract.md, section 2). These find what a
 * person sees there, searching the document and every open shadow root.
 */

/** The text of every element matching `selector` inside the hosts matching `within` (their shadow trees included). */
export function deepTexts(tab: Page, within: string, selector: string): Promise<string[]> {
  return tab.evaluate(
    ({ within, selector }) => {
      const found: string[] = [];
      const visit = (root: ShadowRoot | Element) => {
        for (const el of root.querySelectorAll(selector)) found.push((el as HTMLElement).innerText ?? el.textContent ?? '');
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
      };
      for (const host of document.querySelectorAll(within)) visit(host.shadowRoot ?? host);
      return found;
    },
    { within, selector },
  );
}

/** The first visible button named `name` (its aria-label or its text) inside `within`'s shadow trees, once there. */
export async function deepButton(tab: Page, within: string, name: string): Promise<ElementHandle<Element>> {
  const find = ({ within, name }: { within: string; name: string }) => {
    const visit = (root: Document | ShadowRoot | Element): Element | null => {
      for (const el of root.querySelectorAll('button')) {
        const label = el.getAttribute('aria-label') ?? el.textContent?.trim();
        if (label === name && (el as HTMLElement).offsetParent !== null) return el;
      }
      for (const el of root.querySelectorAll('*')) {
        const inner = el.shadowRoot && visit(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    for (const host of document.querySelectorAll(within)) {
      const found = visit(host.shadowRoot ?? host);
      if (found) return found;
    }
    return null;
  };
  await pollPage(tab, (arg) => find(arg) !== null, { within, name });
  const handle = (await tab.evaluateHandle(find, { within, name })).asElement();
  if (!handle) throw new Error(`No button "${name}" in ${within}`);
  return handle as ElementHandle<Element>;
}
