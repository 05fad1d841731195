import { describe, expect, it } from 'vitest';
import { diffDirectory } from '@/lib/people/diff';
import type { Person } from '@/lib/people/schema';

const lena: Person = { id: 'lena', name: 'Lena K', email: 'lena@acme.example', team: 'Platform', handles: { github: 'lena-k', gitlab: ['lk', 'lena'] } };
const sam: Person = { id: 'sam', name: 'Sam', handles: { slack: 'U0SAM00001' } };
const ana: Person = { id: 'ana', name: 'Ana', handles: {} };
const next = (...people: Person[]) => ({ version: 1 as const, people });

describe('diffDirectory', () => {
  it('sorts people into added, changed, archived, restored and unchanged', () => {
    const gone = { id: 'gone', name: 'Gone', handles: {} };
    const back = { id: 'back', name: 'Back', handles: {}, archivedAt: 1 };
    const backChanged = { id: 'back2', name: 'Back Two', handles: {}, archivedAt: 1 };
    const stillGone = { id: 'still', name: 'Still Gone', handles: {}, archivedAt: 1 };
    const diff = diffDirectory([lena, sam, gone, back, backChanged, stillGone], next({ ...lena }, { ...sam, title: 'Lead' }, ana, { id: 'back', name: 'Back', handles: {} }, { id: 'back2', name: 'Back 2', handles: {} }));
    expect(diff).toEqual({
      added: [ana],
      changed: [
        { before: sam, after: { ...sam, title: 'Lead' }, fields: ['title'] },
        { before: backChanged, after: { id: 'back2', name: 'Back 2', handles: {} }, fields: ['name'] },
      ],
      archived: [gone],
      restored: [
        { id: 'back', name: 'Back', handles: {} },
        { id: 'back2', name: 'Back 2', handles: {} },
      ],
      unchanged: 1,
    });
  });

  it.each<[string, Person, string[]]>([
    ['nothing', { ...lena }, []],
    ['the name', { ...lena, name: 'Lena Kowalska' }, ['name']],
    ['a removed e-mail and a new title', { ...lena, email: undefined, title: 'Lead' }, ['email', 'title']],
    ['the team', { ...lena, team: 'Infra' }, ['team']],
    ['a handle', { ...lena, handles: { ...lena.handles, github: 'lena-kk' } }, ['handles.github']],
    ['the case of a handle', { ...lena, handles: { ...lena.handles, github: 'Lena-K' } }, ['handles.github']],
    ['the order of handles', { ...lena, handles: { ...lena.handles, gitlab: ['lena', 'lk'] } }, ['handles.gitlab']],
    ['a new tool', { ...lena, handles: { ...lena.handles, slack: 'U0LENA0001' } }, ['handles.slack']],
    ['a dropped tool', { ...lena, handles: { gitlab: ['lk', 'lena'] } }, ['handles.github']],
    ['a self-hosted handle', { ...lena, handles: { ...lena.handles, 'gitlab:gitlab.acme.internal': 'lk' } }, ['handles.gitlab:gitlab.acme.internal']],
  ])('lists the changed fields when changing %s', (_, after, fields) => {
    const diff = diffDirectory([lena], next(after));
    expect(diff.changed.map((c) => c.fields)).toEqual(fields.length ? [fields] : []);
    expect(diff.unchanged).toBe(fields.length ? 0 : 1);
  });

  it('treats one handle and a one-item list as the same', () => {
    expect(diffDirectory([{ ...sam, handles: { slack: ['U0SAM00001'] } }], next(sam)).unchanged).toBe(1);
  });

  it('ignores what the store adds to a person', () => {
    const stored = { ...lena, handleKeys: ['github:lena-k'], updatedAt: 5 } as Person & { archivedAt?: number };
    expect(diffDirectory([stored], next({ ...lena })).unchanged).toBe(1);
  });

  it('archives everyone for an empty directory and adds everyone to an empty store', () => {
    expect(diffDirectory([lena, sam], next())).toMatchObject({ archived: [lena, sam], added: [], unchanged: 0 });
    expect(diffDirectory([], next(lena, sam))).toMatchObject({ added: [lena, sam], archived: [] });
  });
});
