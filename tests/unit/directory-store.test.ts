import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DaylightDatabase } from '@/lib/db';
import { loadPeople, replaceDirectory, savePerson, setArchived, undoImport } from '@/lib/people/directory-store';
import { DirectoryIndex } from '@/lib/people/resolver';
import { directorySchema, handleKey } from '@/lib/people/schema';
import demo from '../fixtures/directory/demo-directory.json';

let db: DaylightDatabase;
const person = async (id: string) => (await loadPeople(db)).find((p) => p.id === id);
beforeEach(() => {
  db = openDatabase(`daylight-test-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const directory = (people: unknown[]) => directorySchema().parse({ version: 1, people });

describe('directory schema', () => {
  it('accepts the bundled demo directory: 30 people with handles on every tool', () => {
    const parsed = directorySchema().parse(demo);
    expect(parsed.people).toHaveLength(30);
    for (const p of parsed.people) expect(Object.keys(p.handles).sort()).toEqual(['asana', 'gitea', 'github', 'gitlab', 'mattermost', 'phabricator', 'slack']);
  });

  it.each([
    [{ name: 'No Id' }, /id/],
    [{ id: 'x' }, /name/],
    [{ id: 'x', name: 'X', email: 'not-an-email' }, /email/],
    [{ id: 'x', name: 'X', handles: { jira: 'x' } }, /handle keys/],
    [{ id: 'x', name: 'X', handles: { github: '' } }, /handle/],
  ])('rejects %j', (person, message) => {
    const result = directorySchema().safeParse({ version: 1, people: [person] });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it('normalises handle keys by each tool rule', () => {
    expect(handleKey('github', '@Lena-K')).toBe('github:lena-k');
    expect(handleKey('gitlab:gitlab.acme.internal', 'Nadia.O')).toBe('gitlab:gitlab.acme.internal:nadia.o');
    expect(handleKey('slack', 'U0PRIYA001')).toBe('slack:U0PRIYA001');
    expect(handleKey('asana', '1207000000000101')).toBe('asana:1207000000000101');
  });
});

describe('replaceDirectory', () => {
  it('adds, changes and archives people (never deletes), and restores returning people', async () => {
    expect(await replaceDirectory(db, directory([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }]), 'test.json')).toMatchObject({ added: 2, changed: 0, archived: 0 });
    expect(await replaceDirectory(db, directory([{ id: 'a', name: 'A2' }]), 'test.json')).toMatchObject({ added: 0, changed: 1, archived: 1 });
    expect((await person('b'))?.archivedAt).toBeTypeOf('number');
    expect(await loadPeople(db)).toHaveLength(2);
    expect(await replaceDirectory(db, directory([{ id: 'a', name: 'A2' }, { id: 'b', name: 'B' }]), 'test.json')).toMatchObject({ added: 0, changed: 1, archived: 0 });
    expect((await person('b'))?.archivedAt).toBeUndefined();
  });

  it('stores time zones, working hours and days, and language, and counts a change of any of them', async () => {
    const lena = { id: 'l', name: 'Lena', timeZone: 'Europe/Warsaw', workingHours: '09:00-17:00', workingDays: 'mon-fri', locale: 'pl-PL' };
    await replaceDirectory(db, directory([lena]), 'test.json');
    expect(await person('l')).toMatchObject(lena);
    expect(await replaceDirectory(db, directory([{ ...lena, workingHours: '08:00-16:00' }]), 'test.json')).toMatchObject({ changed: 1 });
    expect(await replaceDirectory(db, directory([{ ...lena, workingHours: '08:00-16:00' }]), 'test.json')).toMatchObject({ changed: 0 });
    const { timeZone: _, ...withoutZone } = lena;
    expect(await replaceDirectory(db, directory([{ ...withoutZone, workingHours: '08:00-16:00' }]), 'test.json')).toMatchObject({ changed: 1 });
    expect((await person('l'))?.timeZone).toBeUndefined();
  });

  it('resolves every handle, case-insensitively for usernames, plain handles also on self-hosted instances', async () => {
    await replaceDirectory(db, directory([{ id: 'priya', name: 'Priya', handles: { github: 'Priya-R', gitlab: ['praman', 'priya.raman'] } }]), 'test.json');
    const index = new DirectoryIndex(await loadPeople(db));
    expect(index.lookup('github', null, 'PRIYA-R')?.id).toBe('priya');
    expect(index.lookup('gitlab', null, 'priya.raman')?.id).toBe('priya');
    expect(index.lookup('gitlab', 'gitlab.acme.internal', 'praman')?.id).toBe('priya');
  });

  it('rejects duplicate ids and changes nothing', async () => {
    await replaceDirectory(db, directory([{ id: 'a', name: 'A' }]), 'test.json');
    await expect(replaceDirectory(db, directory([{ id: 'b', name: 'B' }, { id: 'b', name: 'B again' }]), 'test.json')).rejects.toThrow(/Duplicate ids: b/);
    expect((await loadPeople(db)).map((p) => [p.id, p.archivedAt])).toEqual([['a', undefined]]);
  });

  it('undoes an import: what it added is archived, what it changed or archived is as before', async () => {
    await replaceDirectory(db, directory([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }]), 'first.json');
    const change = await replaceDirectory(db, directory([{ id: 'a', name: 'A renamed' }, { id: 'c', name: 'C' }]), 'second.json');
    expect(await undoImport(db, change.importId)).toEqual({ restored: 2, archived: 1 });
    const people = Object.fromEntries((await loadPeople(db)).map((p) => [p.id, [p.name, p.archivedAt !== undefined]]));
    expect(people).toEqual({ a: ['A', false], b: ['B', false], c: ['C', true] });
    expect(await undoImport(db, change.importId)).toEqual({ restored: 0, archived: 0 });
    await expect(undoImport(db, 'nope')).rejects.toThrow(/no longer in the history/);
  });

  it('saves one person and archives or restores them, never deleting', async () => {
    await savePerson(db, { id: 'z', name: 'Zed', handles: { github: 'Zed-1' } });
    expect((await person('z'))?.handleKeys).toEqual(['github:zed-1']);
    await setArchived(db, 'z', true);
    expect((await person('z'))?.archivedAt).toBeTypeOf('number');
    await savePerson(db, { id: 'z', name: 'Zed Edited', handles: {} });
    expect((await person('z'))?.archivedAt).toBeTypeOf('number');
    await setArchived(db, 'z', false);
    expect(await person('z')).toMatchObject({ name: 'Zed Edited', handleKeys: [] });
    expect((await person('z'))?.archivedAt).toBeUndefined();
    await expect(setArchived(db, 'missing', true)).rejects.toThrow(/No one with id/);
  });
});
