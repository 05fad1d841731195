import type { SelectorTable } from '../tools/adapter';

/** How many elements each of the adapter's named selectors finds on the page (-1: the browser rejects it). */
export function countSelectors(doc: Document, selectors: SelectorTable): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, selector] of Object.entries(selectors)) {
    try {
      counts[name] = doc.querySelectorAll(selector).length;
    } catch {
      counts[name] = -1;
    }
  }
  return counts;
}
