import type { Directory, Person } from './schema';
import { TIME_FIELDS } from './working-time';

export interface PersonChange {
  before: Person;
  after: Person;
  /** 'name' | 'email' | 'team' | 'title' | a time field (working-time.ts) | 'handles.<tool>' */
  fields: string[];
}

export interface DirectoryDiff {
  added: Person[];
  changed: PersonChange[];
  archived: Person[];
  restored: Person[];
  unchanged: number;
}

const TEXT_FIELDS = ['name', 'email', 'team', 'title', ...TIME_FIELDS] as const;

/**
 * What importing `next` would do to the stored directory, for a preview before anything is
 * written. People missing from `next` are archived, never deleted, so their old mentions still
 * resolve; archived people who come back are restored, and also listed as changed if they differ.
 */
export function diffDirectory(current: ReadonlyArray<Person & { archivedAt?: number }>, next: Directory): DirectoryDiff {
  const stored = new Map(current.map((person) => [person.id, person]));
  const listed = new Set(next.people.map((person) => person.id));
  const diff: DirectoryDiff = { added: [], changed: [], archived: [], restored: [], unchanged: 0 };
  for (const after of next.people) {
    const before = stored.get(after.id);
    if (!before) {
      diff.added.push(after);
      continue;
    }
    if (before.archivedAt !== undefined) diff.restored.push(after);
    const fields = changedFields(before, after);
    if (fields.length > 0) diff.changed.push({ before, after, fields });
    else if (before.archivedAt === undefined) diff.unchanged += 1;
  }
  for (const person of current) {
    if (person.archivedAt === undefined && !listed.has(person.id)) diff.archived.push(person);
  }
  return diff;
}

function changedFields(before: Person, after: Person): string[] {
  const fields: string[] = TEXT_FIELDS.filter((field) => before[field] !== after[field]);
  const tools = new Set([...Object.keys(before.handles), ...Object.keys(after.handles)]);
  for (const tool of tools) {
    if (!sameHandles(before.handles[tool], after.handles[tool])) fields.push(`handles.${tool}`);
  }
  return fields;
}

/** A single handle and a one-item list are the same handle; a new order is a change, since stores and exports keep order. */
function sameHandles(a: string | string[] | undefined, b: string | string[] | undefined): boolean {
  const listA = a === undefined ? [] : Array.isArray(a) ? a : [a];
  const listB = b === undefined ? [] : Array.isArray(b) ? b : [b];
  return listA.length === listB.length && listA.every((handle, i) => handle === listB[i]);
}
