/**
 * Selectors as data: each role an adapter reads (a post, its author, the viewer) lists its
 * alternatives, one per markup generation of the tool, with the day each was last verified, so that
 * Diagnostics can say which alternative matched on a page and which generation stopped matching.
 */

/** One way of finding a role's elements. */
export interface SelectorAlternative {
  readonly selector: string;
  /** The tool's markup generation it belongs to ('react-2025', 'classic'), or 'any' where all share it. */
  readonly generation: string;
  /** The day it was last checked against a saved page or the reference (YYYY-MM-DD). */
  readonly verified: string;
}

/** An adapter's selectors, by role. */
export type SelectorTable = Readonly<Record<string, readonly SelectorAlternative[]>>;

/** A role's alternatives as one selector list, for a single query. */
export function joinSelectors(alternatives: readonly SelectorAlternative[]): string {
  return alternatives.map((a) => a.selector).join(', ');
}

/** Every role of a table joined, by role. */
export function joinTable<T extends SelectorTable>(table: T): { readonly [K in keyof T]: string } {
  return Object.fromEntries(Object.entries(table).map(([role, alternatives]) => [role, joinSelectors(alternatives)])) as { [K in keyof T]: string };
}

/** Elements matching `target` inside elements matching `scope` (each a selector list). */
export function within(scope: string, target: string): string {
  return `:is(${scope}) :is(${target})`;
}

/** Several roles' selector lists as one. */
export function anyOf(...lists: readonly string[]): string {
  return lists.join(', ');
}
