import { DIRECTORY_CHUNK, type DaylightDatabase, type DirectoryChunk, type ImportRecord, type StoredPerson } from '../db';
import { personHandleKeys, type Directory, type Person } from './schema';
import { TIME_FIELDS } from './working-time';

export interface DirectoryChange {
  importId: string;
  added: number;
  changed: number;
  archived: number;
}

/** The person as the directory formats describe them (no bookkeeping fields). */
export function publicPerson(stored: Person & Partial<StoredPerson>): Person {
  const { id, name, email, team, title, handles } = stored;
  const person: Person = { id, name, ...(email === undefined ? {} : { email }), ...(team === undefined ? {} : { team }), ...(title === undefined ? {} : { title }), handles };
  for (const field of TIME_FIELDS) if (stored[field] !== undefined) person[field] = stored[field];
  return person;
}

function samePerson(a: Person, b: Person): boolean {
  const view = (p: Person) =>
    JSON.stringify([p.id, p.name, p.email ?? null, p.team ?? null, p.title ?? null, ...TIME_FIELDS.map((field) => p[field] ?? null), Object.entries(p.handles).sort()]);
  return view(a) === view(b);
}

const stored = (person: Person, now: number): StoredPerson => ({ ...publicPerson(person), handleKeys: personHandleKeys(person), updatedAt: now });

/** Everyone in the directory (archived people included), in directory order. */
export async function loadPeople(db: DaylightDatabase): Promise<StoredPerson[]> {
  const chunks = await db.directory.orderBy('chunk').toArray();
  return chunks.flatMap((c) => c.people);
}

/**
 * Everyone, as loadPeople, read one chunk at a time in one read transaction: each chunk's values
 * are deserialised in a task of their own, so a page reading 200,000 people is never blocked by
 * one read of them all (the snapshot is still consistent).
 */
export async function loadPeopleByChunk(db: DaylightDatabase): Promise<StoredPerson[]> {
  return db.transaction('r', db.directory, async () => {
    const people: StoredPerson[] = [];
    for (const key of await db.directory.orderBy('chunk').primaryKeys()) {
      const chunk = await db.directory.get(key);
      if (chunk) for (const person of chunk.people) people.push(person);
    }
    return people;
  });
}

/** Replace the whole stored directory (inside the caller's transaction). */
async function writePeople(db: DaylightDatabase, people: readonly StoredPerson[]): Promise<void> {
  const chunks: DirectoryChunk[] = [];
  for (let i = 0; i < people.length; i += DIRECTORY_CHUNK) chunks.push({ chunk: chunks.length, people: people.slice(i, i + DIRECTORY_CHUNK) });
  await db.directory.clear();
  await db.directory.bulkPut(chunks);
}

/** Change one person in place, rewriting only the chunk that holds them (or the last one, to add). */
async function writeOne(db: DaylightDatabase, person: StoredPerson): Promise<StoredPerson | undefined> {
  const chunks = await db.directory.orderBy('chunk').toArray();
  for (const chunk of chunks) {
    const at = chunk.people.findIndex((p) => p.id === person.id);
    if (at < 0) continue;
    const before = chunk.people[at];
    chunk.people[at] = person;
    await db.directory.put(chunk);
    return before;
  }
  const last = chunks.at(-1);
  if (last && last.people.length < DIRECTORY_CHUNK) {
    last.people.push(person);
    await db.directory.put(last);
  } else await db.directory.put({ chunk: chunks.length, people: [person] });
  return undefined;
}

/**
 * Make the stored directory equal to `directory` in one transaction: new people are added,
 * changed people updated, people no longer listed archived (never deleted), archived people who
 * reappear restored. Duplicate ids reject the whole directory and change nothing. The previous
 * state of everything touched is kept with the import, so that it can be undone.
 */
export async function replaceDirectory(db: DaylightDatabase, directory: Directory, source: string, now = Date.now()): Promise<DirectoryChange> {
  const seen = new Set<string>();
  const duplicates = directory.people.filter((p) => (seen.has(p.id) ? true : (seen.add(p.id), false)));
  if (duplicates.length > 0) {
    throw new Error(`Duplicate ids: ${[...new Set(duplicates.map((p) => p.id))].join(', ')}. Nothing was changed.`);
  }
  return db.transaction('rw', db.directory, db.imports, async () => {
    const existing = await loadPeople(db);
    const byId = new Map(existing.map((p) => [p.id, p]));
    const record: ImportRecord = { id: crypto.randomUUID(), at: now, source, addedIds: [], before: [] };
    const change: DirectoryChange = { importId: record.id, added: 0, changed: 0, archived: 0 };
    const next = new Map<string, StoredPerson>();
    for (const person of directory.people) {
      const before = byId.get(person.id);
      if (!before) {
        change.added += 1;
        record.addedIds.push(person.id);
      } else if (before.archivedAt !== undefined || !samePerson(before, person)) {
        change.changed += 1;
        record.before.push(before);
      } else {
        next.set(person.id, before);
        continue;
      }
      next.set(person.id, stored(person, now));
    }
    // People who are no longer listed stay, archived, after the listed ones.
    const rest: StoredPerson[] = [];
    for (const before of existing) {
      if (next.has(before.id)) continue;
      if (before.archivedAt === undefined) {
        change.archived += 1;
        record.before.push(before);
        rest.push({ ...before, archivedAt: now, updatedAt: now });
      } else rest.push(before);
    }
    await writePeople(db, [...next.values(), ...rest]);
    await db.imports.put(record);
    return change;
  });
}

/**
 * Undo an import: people it added are archived, people it changed, archived or restored go back to
 * how they were. Undoing twice changes nothing more.
 */
export async function undoImport(db: DaylightDatabase, importId: string, now = Date.now()): Promise<{ restored: number; archived: number }> {
  return db.transaction('rw', db.directory, db.imports, async () => {
    const record = await db.imports.get(importId);
    if (!record) throw new Error('That import is no longer in the history.');
    if (record.undoneAt !== undefined) return { restored: 0, archived: 0 };
    const added = new Set(record.addedIds);
    const before = new Map(record.before.map((p) => [p.id, p]));
    let archived = 0;
    const people = (await loadPeople(db)).map((person) => {
      const previous = before.get(person.id);
      if (previous) return { ...previous, updatedAt: now };
      if (added.has(person.id) && person.archivedAt === undefined) {
        archived += 1;
        return { ...person, archivedAt: now, updatedAt: now };
      }
      return person;
    });
    await writePeople(db, people);
    await db.imports.update(importId, { undoneAt: now });
    return { restored: record.before.length, archived };
  });
}

/** Add or edit one person (from the options page); an archived person stays archived. */
export async function savePerson(db: DaylightDatabase, person: Person, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.directory, async () => {
    const current = (await loadPeople(db)).find((p) => p.id === person.id);
    await writeOne(db, { ...stored(person, now), ...(current?.archivedAt === undefined ? {} : { archivedAt: current.archivedAt }) });
  });
}

/** Archive a person, or restore an archived one. */
export async function setArchived(db: DaylightDatabase, id: string, archived: boolean, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.directory, async () => {
    const person = (await loadPeople(db)).find((p) => p.id === id);
    if (!person) throw new Error(`No one with id "${id}" in the directory.`);
    const { archivedAt: _previous, ...rest } = person;
    await writeOne(db, archived ? { ...rest, archivedAt: now, updatedAt: now } : { ...rest, updatedAt: now });
  });
}
