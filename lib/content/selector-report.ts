import type { IdleQueue } from '../dom/idle-queue';
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

/**
 * `matchSelectors`, one selector per idle-time job: a selector that finds nothing reads the whole
 * page, and a long page with a dozen of them would make one long task. `done` gets the result.
 */
export function matchSelectorsWhenIdle(doc: Document, selectors: SelectorTable, idle: IdleQueue, done: (matched: Record<string, boolean>) => void): void {
  const matched: Record<string, boolean> = {};
  for (const [name, selector] of Object.entries(selectors)) idle.add(() => Object.assign(matched, matchSelectors(doc, { [name]: selector })));
  idle.add(() => done(matched));
}
