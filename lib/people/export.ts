import type { Person } from './schema';
import { TOOL_IDS } from '../tools/tool-ids';
import { TIME_FIELDS } from './working-time';

/**
 * The contract's JSON directory (docs/contract.md section 4): fields and handle keys in one fixed
 * order, so two exports of the same people are byte-identical and diff cleanly.
 */
export function exportDirectoryJson(people: readonly Person[]): string {
  const ordered = people.map((person) => {
    const out: Record<string, unknown> = { id: person.id, name: person.name };
    if (person.email !== undefined) out.email = person.email;
    if (person.team !== undefined) out.team = person.team;
    if (person.title !== undefined) out.title = person.title;
    for (const field of TIME_FIELDS) if (person[field] !== undefined) out[field] = person[field];
    out.handles = Object.fromEntries(handleKeysOf([person]).flatMap((key) => (key in person.handles ? [[key, person.handles[key]]] : [])));
    return out;
  });
  return `${JSON.stringify({ version: 1, people: ordered }, null, 2)}\n`;
}

/**
 * The contract's CSV directory: a column per tool id, then one per `tool:host` in use. A handle
 * containing `|` cannot be written, since `|` separates handles in a cell; rather than corrupt
 * it silently, this throws an Error naming the person (export JSON instead).
 */
export function exportDirectoryCsv(people: readonly Person[]): string {
  const handleColumns = handleKeysOf(people);
  // Time columns only when someone has one, so a directory without them exports as before.
  const timeColumns = TIME_FIELDS.filter((field) => people.some((person) => person[field] !== undefined));
  const rows = [['id', 'name', 'email', 'team', 'title', ...timeColumns, ...handleColumns]];
  for (const person of people) {
    const handleCells = handleColumns.map((key) => {
      const value = person.handles[key];
      const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
      const bad = list.find((handle) => handle.includes('|'));
      if (bad !== undefined) {
        throw new Error(`Cannot export ${person.name} (${person.id}) as CSV: the ${key} handle "${bad}" contains "|", which separates handles in a CSV cell. Export JSON instead, or fix the handle.`);
      }
      return list.join('|');
    });
    rows.push([person.id, person.name, person.email ?? '', person.team ?? '', person.title ?? '', ...timeColumns.map((field) => person[field] ?? ''), ...handleCells]);
  }
  return rows.map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}

/** Every tool id, then the `tool:host` keys in use, sorted. */
function handleKeysOf(people: readonly Person[]): string[] {
  const hosted = new Set<string>();
  for (const person of people) for (const key of Object.keys(person.handles)) if (key.includes(':')) hosted.add(key);
  return [...TOOL_IDS, ...[...hosted].sort()];
}

/** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
