import { describe, expect, it } from 'vitest';
import { findConflicts } from '@/lib/people/conflicts';
import type { Person } from '@/lib/people/schema';

const person = (id: string, handles: Person['handles'] = {}, email?: string): Person => ({ id, name: `Name ${id}`, ...(email ? { email } : {}), handles });

describe('findConflicts', () => {
  it('finds nothing in a clean directory, including the contract example', () => {
    expect(
      findConflicts([
        person('priya', { github: 'priya-r', gitlab: ['praman', 'priya.raman'], slack: 'U0PRIYA001', mattermost: 'priya.raman', asana: '1207000000000101', phabricator: 'priya' }, 'priya@acme.example'),
        person('lena', { github: 'lena-k', slack: 'W0LENA0001', 'gitlab:gitlab.acme.internal': 'lena' }, 'lena@acme.example'),
      ]),
    ).toEqual([]);
  });

  it('finds a handle on two people, case-insensitively for username tools, and says how to fix it', () => {
    const conflicts = findConflicts([person('lena', { github: 'lena-k' }), person('lena2', { github: 'Lena-K' }), person('x', { github: 'other' })]);
    expect(conflicts).toEqual([
      {
        kind: 'duplicate-handle',
        personIds: ['lena', 'lena2'],
        tool: 'github',
        handle: 'lena-k',
        message: 'The GitHub handle lena-k belongs to 2 people: Name lena (lena), Name lena2 (lena2).',
        fix: "Keep lena-k on the one person it belongs to and remove it from the others' github handles.",
      },
    ]);
  });

  it.each<[string, Person[], number]>([
    ['Slack ids differing in case are different people', [person('a', { slack: 'U0AAAAAA1' }), person('b', { slack: 'U0AAAAAA1'.toLowerCase() })], 0],
    ['the same username on two self-hosted instances is fine', [person('a', { gitlab: 'sam' }), person('b', { 'gitlab:gitlab.acme.internal': 'sam' })], 0],
    ['the same username on two tools is fine', [person('a', { github: 'sam' }), person('b', { gitlab: 'sam' })], 0],
    ['one person listing a handle twice is not a conflict', [person('a', { gitlab: ['sam', 'Sam'] })], 0],
    ['three people sharing one handle make one conflict', [person('a', { mattermost: 'sam' }), person('b', { mattermost: 'sam' }), person('c', { mattermost: 'SAM' })], 1],
  ])('%s', (_, people, count) => {
    expect(findConflicts(people).filter((c) => c.kind === 'duplicate-handle')).toHaveLength(count);
  });

  it('finds an e-mail on two people, ignoring case', () => {
    expect(findConflicts([person('a', {}, 'Sam@acme.example'), person('b', {}, 'sam@ACME.example'), person('c', {}, 'c@acme.example')])).toEqual([
      {
        kind: 'duplicate-email',
        personIds: ['a', 'b'],
        message: 'The e-mail Sam@acme.example belongs to 2 people: Name a (a), Name b (b).',
        fix: 'Keep Sam@acme.example on the one person it belongs to; if these are the same person, merge them into one entry.',
      },
    ]);
  });

  it.each<[string, Person['handles'], RegExp, RegExp]>([
    ['a Slack member id under github', { github: 'U0PRIYA001' }, /looks like a Slack member id/, /^Move U0PRIYA001 to the slack column/],
    ['a Slack member id under a self-hosted gitlab', { 'gitlab:gitlab.acme.internal': 'W0PRIYA001' }, /GitLab \(gitlab.acme.internal\) handle, but it looks like a Slack member id/, /Move W0PRIYA001 to the slack column/],
    ['an Asana gid under mattermost', { mattermost: '1207000000000101' }, /looks like an Asana user gid/, /Move 1207000000000101 to the asana column/],
    ['an Asana gid under phabricator', { phabricator: '1207000000000101' }, /Asana user gid/, /asana column/],
    ['a username under slack', { slack: 'priya.raman' }, /Slack mentions use member ids/, /Copy member ID/],
    ['a lower-case member id under slack', { slack: 'u0priya001' }, /in capitals/, /Write it as U0PRIYA001/],
    ['an Asana gid under slack', { slack: '1207000000000101' }, /Asana user gid/, /asana column/],
    ['a name under asana', { asana: 'priya' }, /numeric user gids/, /profile URL/],
    ['a Slack id under asana', { asana: 'U0PRIYA001' }, /Slack member id/, /slack column/],
    ['an e-mail address under github', { github: 'priya@acme.example' }, /is an e-mail address/, /email column and use the person's GitHub username/],
    ['an e-mail address under slack', { slack: 'priya@acme.example' }, /is an e-mail address/, /Slack member id/],
  ])('flags %s', (_, handles, message, fix) => {
    const conflicts = findConflicts([person('priya', handles)]);
    expect(conflicts).toEqual([{ kind: 'wrong-tool-handle', personIds: ['priya'], tool: Object.keys(handles)[0], handle: Object.values(handles)[0], message: expect.stringMatching(message), fix: expect.stringMatching(fix) }]);
    expect(conflicts[0]?.message).toContain('Name priya (priya)');
  });

  it('judges a handle without its leading @, as mentions do', () => {
    expect(findConflicts([person('a', { slack: '@U0PRIYA001', github: '@priya' })])).toEqual([]);
  });

  it('checks each handle in a list', () => {
    expect(findConflicts([person('a', { gitlab: ['fine', 'U0PRIYA001'] })]).map((c) => c.handle)).toEqual(['U0PRIYA001']);
  });
});
