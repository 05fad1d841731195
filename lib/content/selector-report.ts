import type { IdleQueue } from '../dom/idle-queue';
import type { SelectorTable } from '../tools/selector-table';

/** The report key of a role's alternative (`role.0`, `role.1`, … in table order); the role's own key says whether any matched. */
export const alternativeKey = (role: string, index: number) => `${role}.${index}`;

/** Whether a selector finds anything; one the browser rejects finds nothing. */
function finds(doc: Document, selector: string): boolean {
  try {
    return doc.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/** One role's answers: each alternative separately, and the role (any of them). */
function matchRole(doc: Document, role: string, alternatives: SelectorTable[string]): Record<string, boolean> {
  const matched: Record<string, boolean> = {};
  alternatives.forEach((alternative, index) => (matched[alternativeKey(role, index)] = finds(doc, alternative.selector)));
  matched[role] = alternatives.some((_, index) => matched[alternativeKey(role, index)]);
  return matched;
}

/**
 * For each of the adapter's roles and each of its alternatives, whether it finds anything on the
 * page: Diagnostics shows which alternative (which markup generation) matched. Presence, not
 * counts: `querySelector` stops at the first match, so this stays cheap on long pages.
 */
export function matchSelectors(doc: Document, table: SelectorTable): Record<string, boolean> {
  const matched: Record<string, boolean> = {};
  for (const [role, alternatives] of Object.entries(table)) Object.assign(matched, matchRole(doc, role, alternatives));
  return matched;
}

/**
 * `matchSelectors`, one role per idle-time job: a selector that finds nothing reads the whole
 * page, and a long page with a dozen of them would make one long task. `done` gets the result.
 */
export function matchSelectorsWhenIdle(doc: Document, table: SelectorTable, idle: IdleQueue, done: (matched: Record<string, boolean>) => void): void {
  const matched: Record<string, boolean> = {};
  for (const [role, alternatives] of Object.entries(table)) idle.add(() => Object.assign(matched, matchRole(doc, role, alternatives)));
  idle.add(() => done(matched));
}
