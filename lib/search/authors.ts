import type { StoredPerson } from '../db';
import { normalHandle } from '../people/schema';
import { TOOL_IDS, type ToolId } from '../tools/tool-ids';
import { t } from '../i18n/t';

/** How the index files an author: the tool and the handle by that tool's matching rule. */
export function authorKey(tool: ToolId, handle: string): string {
  return `${tool}:${normalHandle(tool, handle)}`;
}

/** Every author key a person writes under: each of their handles on each tool (and instance). */
export function personAuthorKeys(person: StoredPerson): string[] {
  return Object.entries(person.handles).flatMap(([key, value]) => {
    const tool = key.split(':')[0] as ToolId;
    return (Array.isArray(value) ? value : [value]).map((handle) => authorKey(tool, handle));
  });
}

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/** People a `from:` value names: by directory id, by name (or the start of each word of it), or by any handle. */
export function peopleNamed(value: string, people: readonly StoredPerson[]): StoredPerson[] {
  const v = value.trim().toLowerCase().replace(/^@/, '');
  if (v === '') return [];
  const live = people.filter((p) => p.archivedAt === undefined);
  const byId = live.filter((p) => p.id.toLowerCase() === v);
  if (byId.length > 0) return byId;
  const byHandle = live.filter((p) => Object.values(p.handles).some((h) => (Array.isArray(h) ? h : [h]).some((x) => x.toLowerCase() === v)));
  if (byHandle.length > 0) return byHandle;
  const typed = words(v);
  return live.filter((p) => {
    const name = words(p.name);
    return p.name.toLowerCase() === v || typed.every((t, i) => name[i]?.startsWith(t) ?? false) || typed.every((t) => name.some((n) => n === t));
  });
}

/** The author keys `from:` values stand for, and a note for each value read in a way worth saying. */
export function fromFilter(values: readonly string[], people: readonly StoredPerson[]): { keys: Set<string>; notes: string[] } {
  const keys = new Set<string>();
  const notes: string[] = [];
  for (const value of values) {
    const named = peopleNamed(value, people);
    if (named.length === 0) {
      notes.push(t('noteNoOneMatches', value));
      for (const tool of TOOL_IDS) keys.add(authorKey(tool, value));
      continue;
    }
    if (named.length > 1) notes.push(t('noteManyMatch', value, named.length, named.slice(0, 5).map((p) => p.name).join(', '), named.length > 5 ? '…' : ''));
    for (const person of named) for (const key of personAuthorKeys(person)) keys.add(key);
  }
  return { keys, notes };
}
