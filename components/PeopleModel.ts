import type { RowError } from '@/lib/people/import-result';
import type { Person } from '@/lib/people/schema';
import { clip } from '@/lib/text';
import { TOOL_NAMES, type ToolId } from '@/lib/tools/tool-ids';

/**
 * Pure helpers of the People section: handle lists, the search haystack, sorting orders and the
 * wording of import errors. Nothing here renders, so it is cheap to test and to run over 50,000 people.
 */

export type HandleValue = string | readonly string[] | undefined;

/** A handle value as a list (the formats allow one handle or several). */
export function handleList(value: HandleValue): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/** A form field's text as handles: separated by commas or `|`, blanks dropped. */
export function splitHandles(text: string): string[] {
  return text
    .split(/[,|]/)
    .map((h) => h.trim())
    .filter((h) => h !== '');
}

/** Handles as the directory formats store them: one string, or a list of several. */
export function handleValue(handles: readonly string[]): string | string[] | undefined {
  if (handles.length === 0) return undefined;
  return handles.length === 1 ? handles[0] : [...handles];
}

/** The tool of a handle key (`gitlab` for `gitlab:gitlab.acme.internal`). */
export function toolOfKey(key: string): string {
  return key.split(':')[0] ?? key;
}

/** A person's handles on one tool: its SaaS handles first, then those of its self-hosted instances. */
export function toolHandles(person: Person, tool: ToolId): string[] {
  const own = handleList(person.handles[tool]);
  const hosted = Object.keys(person.handles)
    .filter((key) => key !== tool && toolOfKey(key) === tool)
    .sort()
    .flatMap((key) => handleList(person.handles[key]).map((h) => `${h} (${key.slice(tool.length + 1)})`));
  return [...own, ...hosted];
}

/** The label of a handle key: the tool's name, or the key itself for a self-hosted instance. */
export function handleKeyLabel(key: string): string {
  return (TOOL_NAMES as Record<string, string | undefined>)[key] ?? key;
}

/** Everything the search box matches, lower-cased once: name, id, e-mail, team, title and every handle. */
export function haystackOf(person: Person): string {
  const handles = Object.values(person.handles).flatMap((value) => handleList(value));
  return [person.name, person.id, person.email ?? '', person.team ?? '', person.title ?? '', ...handles].join('\n').toLowerCase();
}

export type SortKey = 'name' | 'team' | 'email' | ToolId;
export type SortDirection = 'ascending' | 'descending';

/** The text a column sorts by, lower-cased; '' sorts last in either direction. */
export function sortText(person: Person, key: SortKey): string {
  switch (key) {
    case 'name':
      return person.name.toLowerCase();
    case 'team':
      return (person.team ?? '').toLowerCase();
    case 'email':
      return (person.email ?? '').toLowerCase();
    default:
      return toolHandles(person, key).join(', ').toLowerCase();
  }
}

/**
 * The order of `people` by one column, as indexes into `people`. Keys are compared by code unit
 * (not a collator): sorting 50,000 names this way takes a tenth of the time, and names tie-break
 * by id so that the order is stable.
 */
export function sortOrder(people: readonly Person[], key: SortKey, direction: SortDirection): Uint32Array {
  const keys = people.map((p) => sortText(p, key));
  const ids = people.map((p) => p.id);
  const sign = direction === 'ascending' ? 1 : -1;
  const order = Array.from(people.keys());
  order.sort((a, b) => {
    const ka = keys[a] as string;
    const kb = keys[b] as string;
    if (ka !== kb) {
      if (ka === '') return 1;
      if (kb === '') return -1;
      return ka < kb ? -sign : sign;
    }
    const ia = ids[a] as string;
    const ib = ids[b] as string;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  return Uint32Array.from(order);
}

/** "Line 4: email: "x" is not a valid e-mail address", or just the reason when the source was unreadable. */
export function describeRowError(error: RowError): string {
  const where = error.line > 0 ? `Line ${error.line}: ` : '';
  const field = error.field ? `${error.field}: ` : '';
  return `${where}${field}${error.message}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** A short, safe string for an accessible name built from untrusted text. */
export function shortText(text: string, max = 80): string {
  return clip(text, max);
}
