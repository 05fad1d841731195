import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DaylightDatabase } from '@/lib/db';
import { replaceDirectory } from '@/lib/people/directory-store';
import { directorySchema, handleKey } from '@/lib/people/schema';
import demo from '../fixtures/directory/demo-directory.json';

let db: DaylightDatabase;
beforeEach(() => {
  db = openDatabase(`daylight-test-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const directory = (people: unknown[]) => directorySchema().parse({ version: 1, people });

describe('directory schema', () => {
  it('accepts the bundled demo directory: 30 people with handles on all six tools', () => {
    const parsed = directorySchema().parse(demo);
    expect(parsed.people).toHaveLength(30);
    for (const p of parsed.people) expect(Object.keys(p.handles).sort()).toEqual(['asana', 'github', 'gitlab', 'mattermost', 'phabricator', 'slack']);
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
    expect(await replaceDirectory(db, directory([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }]))).toEqual({ added: 2, changed: 0, archived: 0 });
    expect(await replaceDirectory(db, directory([{ id: 'a', name: 'A2' }]))).toEqual({ added: 0, changed: 1, archived: 1 });
    expect((await db.people.get('b'))?.archivedAt).toBeTypeOf('number');
    expect(await db.people.count()).toBe(2);
    expect(await replaceDirectory(db, directory([{ id: 'a', name: 'A2' }, { id: 'b', name: 'B' }]))).toEqual({ added: 0, changed: 1, archived: 0 });
    expect((await db.people.get('b'))?.archivedAt).toBeUndefined();
  });

  it('indexes every handle for lookup', async () => {
    await replaceDirectory(db, directory([{ id: 'priya', name: 'Priya', handles: { github: 'Priya-R', gitlab: ['praman', 'priya.raman'] } }]));
    expect((await db.people.where('handleKeys').equals('github:priya-r').first())?.id).toBe('priya');
    expect((await db.people.where('handleKeys').equals('gitlab:priya.raman').first())?.id).toBe('priya');
  });

  it('rejects duplicate ids and changes nothing', async () => {
    await replaceDirectory(db, directory([{ id: 'a', name: 'A' }]));
    await expect(replaceDirectory(db, directory([{ id: 'b', name: 'B' }, { id: 'b', name: 'B again' }]))).rejects.toThrow(/Duplicate ids: b/);
    expect((await db.people.toArray()).map((p) => [p.id, p.archivedAt])).toEqual([['a', undefined]]);
  });
});
