import { describe, expect, it } from 'vitest';
import { exportDirectoryCsv, exportDirectoryJson } from '@/lib/people/export';
import { parseDirectoryCsv } from '@/lib/people/parse-csv';
import { parseDirectoryJson } from '@/lib/people/parse-json';
import { directorySchema, type Person } from '@/lib/people/schema';
import demo from '../../fixtures/directory/demo-directory.json';

const priya: Person = {
  id: 'priya',
  name: 'Priya Raman',
  email: 'priya@acme.example',
  team: 'Platform',
  title: 'Staff Engineer',
  handles: { github: 'priya-r', gitlab: ['praman', 'priya.raman'], slack: 'U0PRIYA001', mattermost: 'priya.raman', asana: '1207000000000101', phabricator: 'priya' },
};

/** Text that breaks naive CSV and JSON writers, or that a page would run if it ever became HTML. */
const hostile: Person[] = [
  { id: 'quotes', name: 'The "Boss" \'O\'Brien\'', title: '""', handles: { github: '"q"' } },
  { id: 'commas', name: 'Raman, Priya', team: ',,,', handles: { gitlab: ['a,b', 'c'] } },
  { id: 'lines', name: 'Line one\nLine two\r\nLine three\rLine four', title: 'ends with a break\n.', handles: {} },
  { id: 'markup', name: '<img src=x onerror=alert(1)>', team: '</script><script>alert(1)</script>', handles: { mattermost: '<b>' } },
  { id: 'formula', name: '=HYPERLINK("http://evil.example","click")', title: '+1', team: '@SUM(A1)', handles: { asana: '-2' } },
  { id: 'unicode', name: 'Zoë 李 \u202Eevil\u202C 🎉', handles: { phabricator: 'zoë' } },
  { id: 'long', name: 'N'.repeat(10_000), handles: {} },
  { id: 'json', name: '{"version":1}', title: '\\u0000 \\', handles: {} },
  { id: 'hosted', name: 'Hosted', handles: { 'gitlab:gitlab.acme.internal': ['x', 'y'], 'github:ghe.acme.internal:8443': 'z' } },
  { id: 'bom', name: 'A \uFEFF inside', handles: {} },
];

function people(result: ReturnType<typeof parseDirectoryJson>) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.directory.people;
}

describe('exportDirectoryJson', () => {
  it('writes the contract format: version 1, fixed key order, 2-space indent, trailing newline', () => {
    const text = exportDirectoryJson([{ handles: { slack: 'U0PRIYA001', github: 'priya-r' }, title: 'Staff Engineer', name: 'Priya Raman', id: 'priya' }]);
    expect(text).toBe(
      '{\n  "version": 1,\n  "people": [\n    {\n      "id": "priya",\n      "name": "Priya Raman",\n      "title": "Staff Engineer",\n      "handles": {\n        "github": "priya-r",\n        "slack": "U0PRIYA001"\n      }\n    }\n  ]\n}\n',
    );
  });

  it.each([
    ['the contract example', [priya]],
    ['hostile text', hostile],
    ['nobody', []],
    ['the demo directory', directorySchema().parse(demo).people],
  ])('round-trips %s exactly', (_, list) => {
    expect(people(parseDirectoryJson(exportDirectoryJson(list)))).toEqual(list);
  });

  it('is stable: exporting what it read gives the same bytes', () => {
    const text = exportDirectoryJson(hostile);
    expect(exportDirectoryJson(people(parseDirectoryJson(text)))).toBe(text);
  });
});

describe('exportDirectoryCsv', () => {
  it('writes the contract format: header, every tool column, CRLF, quoting only where needed', () => {
    expect(exportDirectoryCsv([priya, { id: 'x', name: 'X, "Y"', handles: {} }])).toBe(
      'id,name,email,team,title,github,gitlab,slack,mattermost,asana,phabricator,gitea\r\n' +
        'priya,Priya Raman,priya@acme.example,Platform,Staff Engineer,priya-r,praman|priya.raman,U0PRIYA001,priya.raman,1207000000000101,priya,\r\n' +
        'x,"X, ""Y""",,,,,,,,,,\r\n',
    );
  });

  it('adds a column for each tool:host in use, after the tool ids, sorted', () => {
    const header = exportDirectoryCsv(hostile).split('\r\n')[0];
    expect(header).toBe('id,name,email,team,title,github,gitlab,slack,mattermost,asana,phabricator,gitea,github:ghe.acme.internal:8443,gitlab:gitlab.acme.internal');
  });

  it.each([
    ['the contract example', [priya]],
    ['hostile text', hostile],
    ['nobody', []],
    ['the demo directory', directorySchema().parse(demo).people],
  ])('round-trips %s exactly', (_, list) => {
    expect(people(parseDirectoryCsv(exportDirectoryCsv(list)))).toEqual(list);
  });

  it('refuses a handle containing |, naming the person, instead of splitting it', () => {
    expect(() => exportDirectoryCsv([priya, { id: 'pipe', name: 'Pipe Person', handles: { mattermost: ['ok', 'a|b'] } }])).toThrow(
      'Cannot export Pipe Person (pipe) as CSV: the mattermost handle "a|b" contains "|"',
    );
  });

  it('writes a one-item handle list as a single handle, which reads back as a string', () => {
    const csv = exportDirectoryCsv([{ id: 'a', name: 'A', handles: { github: ['only'] } }]);
    expect(people(parseDirectoryCsv(csv))[0]?.handles).toEqual({ github: 'only' });
  });
});

describe('round trips of generated people', () => {
  /** A small deterministic generator (mulberry32), so a failure can be replayed. */
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const ALPHABET = ['a', 'Z', '0', ' ', ',', '"', "'", '\n', '\r', '\r\n', '\t', '|', '<', '>', '&', '=', '\\', 'é', '🎉', '\u2028'];

  function people(count: number, seed: number, pipesInHandles: boolean): Person[] {
    const next = random(seed);
    const text = (length: number, alphabet = ALPHABET) => Array.from({ length: 1 + Math.floor(next() * length) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const handleAlphabet = pipesInHandles ? ALPHABET : ALPHABET.filter((c) => c !== '|');
    return Array.from({ length: count }, (_, n) => {
      const handles: Record<string, string | string[]> = {};
      for (const tool of ['github', 'gitlab', 'slack', 'gitlab:gitlab.acme.internal']) {
        const many = Math.floor(next() * 4);
        if (many === 1) handles[tool] = `h${text(8, handleAlphabet)}h`;
        if (many > 1) handles[tool] = Array.from({ length: many }, () => `h${text(8, handleAlphabet)}h`);
      }
      const input = { id: `id${n}${text(6)}x`, name: `n${text(30)}n`, ...(next() < 0.5 ? { team: `t${text(10)}t` } : {}), ...(next() < 0.5 ? { title: text(10) } : {}), handles };
      // The person is whatever the schema makes of the text (it trims); a title that trims to
      // nothing is no title, as both parsers read it.
      const person = directorySchema().parse({ version: 1, people: [input] }).people[0] as Person;
      if (person.title === '') delete person.title;
      return person;
    });
  }

  it.each([1, 2, 3])('JSON, seed %i', (seed) => {
    const list = people(200, seed, true);
    expect(parseDirectoryJson(exportDirectoryJson(list))).toEqual({ ok: true, directory: { version: 1, people: list }, warnings: [] });
  });

  it.each([1, 2, 3])('CSV, seed %i', (seed) => {
    const list = people(200, seed, false);
    const result = parseDirectoryCsv(exportDirectoryCsv(list));
    expect(result.ok && result.directory.people).toEqual(list);
  });
});
