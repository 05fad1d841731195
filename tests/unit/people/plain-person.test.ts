import { describe, expect, it } from 'vitest';
import { plainPerson } from '@/lib/people/plain-person';
import { personSchema } from '@/lib/people/schema';

const base = { id: 'a', name: 'A' };
const text = (length: number) => 'x'.repeat(length);

/**
 * plainPerson is a fast path that must never disagree with the schema: for every input it either
 * declines (undefined) or returns exactly what personSchema() returns. These inputs sit on every
 * boundary of every rule in schema.ts.
 */
const inputs: unknown[] = [
  base,
  { ...base, handles: {} },
  { id: ' a ', name: '\tA\n' },
  { id: '', name: 'A' },
  { id: '   ', name: 'A' },
  { id: text(200), name: 'A' },
  { id: text(201), name: 'A' },
  { id: ` ${text(200)} `, name: 'A' },
  { id: 'a', name: text(10_000) },
  { id: 'a', name: text(10_001) },
  { id: 5, name: 'A' },
  { name: 'A' },
  { id: 'a' },
  null,
  'a',
  [base],
  { ...base, email: 'a@acme.example' },
  { ...base, email: ' a@acme.example' },
  { ...base, email: 'A.B+c@sub.acme.example' },
  { ...base, email: 'a@acme' },
  { ...base, email: 'not-an-email' },
  { ...base, email: '' },
  { ...base, email: `${text(64)}@${text(250)}.example` },
  { ...base, email: `${text(60)}@${text(251)}.ex` },
  { ...base, email: undefined },
  { ...base, email: 5 },
  { ...base, team: '' },
  { ...base, team: '  ' },
  { ...base, team: ` ${text(200)} ` },
  { ...base, team: text(201) },
  { ...base, title: text(200) },
  { ...base, title: text(201) },
  { ...base, title: null },
  { ...base, timeZone: 'Europe/Warsaw' },
  { ...base, timeZone: ' europe/warsaw ' },
  { ...base, timeZone: 'Europe/Warsow' },
  { ...base, timeZone: '' },
  { ...base, timeZone: 5 },
  { ...base, timeZone: `Etc/${text(60)}` },
  { ...base, workingHours: '09:00-17:30' },
  { ...base, workingHours: '22:00 - 06:00' },
  { ...base, workingHours: '9-17' },
  { ...base, workingHours: '09:00-09:00' },
  { ...base, workingHours: '25:00-26:00' },
  { ...base, workingDays: 'mon-fri' },
  { ...base, workingDays: 'Sun-Thu' },
  { ...base, workingDays: 'mon,wed,fri' },
  { ...base, workingDays: 'weekdays' },
  { ...base, locale: 'pl-PL' },
  { ...base, locale: 'not a locale' },
  { ...base, handles: { github: 'x' } },
  { ...base, handles: { github: ' x ' } },
  { ...base, handles: { github: '' } },
  { ...base, handles: { github: '  ' } },
  { ...base, handles: { github: text(200) } },
  { ...base, handles: { github: text(201) } },
  { ...base, handles: { github: ['x', ' y '] } },
  { ...base, handles: { github: [] } },
  { ...base, handles: { github: ['x', ''] } },
  { ...base, handles: { github: ['x', 5] } },
  { ...base, handles: { github: 5 } },
  { ...base, handles: { github: null } },
  { ...base, handles: { jira: 'x' } },
  { ...base, handles: { GitHub: 'x' } },
  { ...base, handles: { 'gitlab:gitlab.acme.internal': 'x' } },
  { ...base, handles: { 'gitlab:gitlab.acme.internal:8443': 'x' } },
  { ...base, handles: { 'gitlab:Bad_Host': 'x' } },
  { ...base, handles: null },
  { ...base, handles: ['x'] },
  { ...base, handles: undefined },
  { ...base, nickname: 'ignored' },
];

describe('plainPerson', () => {
  it.each(inputs.map((input) => [JSON.stringify(input)?.slice(0, 80), input]))('agrees with personSchema on %s', (_, input) => {
    const fast = plainPerson(input);
    const result = personSchema().safeParse(input);
    if (fast !== undefined) expect(result.success && fast).toEqual(result.data);
  });

  it('takes ordinary valid people itself (else it would be no faster)', () => {
    const person = { id: 'p', name: 'P', email: 'p@acme.example', team: 'T', title: 'E', handles: { github: 'p', gitlab: ['p', 'q'], 'gitlab:gitlab.acme.internal': 'p' } };
    expect(plainPerson(person)).toEqual(person);
  });
});
