import type { SelectorTable } from '../tools/adapter';

/**
 * For each of the adapter's named selectors, whether it finds anything on the page. Presence, not
 * counts: `querySelector` stops at the first match, so this stays cheap on long pages. A selector
 * the browser rejects counts as finding nothing.
 */
export function matchSelectors(doc: Document, selectors: SelectorTable): Record<string, boolean> {
  const matched: Record<string, boolean> = {};
  for (const [name, selector] of Object.entries(selectors)) {
    try {
      matched[name] = doc.querySelector(selector) !== null;
    } catch {
      matched[name] = false;
    }
  }
  return matched;
}
