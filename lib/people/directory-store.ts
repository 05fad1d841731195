import type { DaylightDatabase, StoredPerson } from '../db';
import { personHandleKeys, type Directory, type Person } from './schema';

export interface DirectoryChange {
  added: number;
  changed: number;
  archived: number;
}

function samePerson(a: Person, b: Person): boolean {
  const view = (p: Person) =>
    JSON.stringify([p.id, p.name, p.email ?? null, p.team ?? null, p.title ?? null, Object.entries(p.handles).sort()]);
  return view(a) === view(b);
}

/**
 * Make the stored directory equal to `directory` in one transaction: new people are added,
 * changed people updated, people no longer listed archived (never deleted), archived people who
 * reappear restored. Duplicate ids reject the whole directory and change nothing.
 */
export async function replaceDirectory(db: DaylightDatabase, directory: Directory, now = Date.now()): Promise<DirectoryChange> {
  const seen = new Set<string>();
  const duplicates = directory.people.filter((p) => (seen.has(p.id) ? true : (seen.add(p.id), false)));
  if (duplicates.length > 0) {
    throw new Error(`Duplicate ids: ${[...new Set(duplicates.map((p) => p.id))].join(', ')}. Nothing was changed.`);
  }
  return db.transaction('rw', db.people, async () => {
    const existing = new Map((await db.people.toArray()).map((p) => [p.id, p]));
    const change: DirectoryChange = { added: 0, changed: 0, archived: 0 };
    const writes: StoredPerson[] = [];
    for (const person of directory.people) {
      const before = existing.get(person.id);
      if (!before) change.added += 1;
      else if (before.archivedAt !== undefined || !samePerson(before, person)) change.changed += 1;
      else continue;
      writes.push({ ...person, handleKeys: personHandleKeys(person), updatedAt: now });
    }
    for (const before of existing.values()) {
      if (!seen.has(before.id) && before.archivedAt === undefined) {
        change.archived += 1;
        writes.push({ ...before, archivedAt: now, updatedAt: now });
      }
    }
    await db.people.bulkPut(writes);
    return change;
  });
}
