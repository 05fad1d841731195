import { describe, expect, it } from 'vitest';
import { parseDirectoryCsv } from '@/lib/people/parse-csv';
import type { ImportResult } from '@/lib/people/import-result';

function people(result: ImportResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.directory.people;
}

function errors(result: ImportResult) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

const HEADER = 'id,name,email,team,title,github,gitlab,slack,mattermost,asana,phabricator';

describe('parseDirectoryCsv: valid files', () => {
  it.each<[string, string, unknown[]]>([
    [
      'every column filled',
      `${HEADER}\npriya,Priya Raman,priya@acme.example,Platform,Staff Engineer,priya-r,praman|priya.raman,U0PRIYA001,priya.raman,1207000000000101,priya\n`,
      [{ id: 'priya', name: 'Priya Raman', email: 'priya@acme.example', team: 'Platform', title: 'Staff Engineer', handles: { github: 'priya-r', gitlab: ['praman', 'priya.raman'], slack: 'U0PRIYA001', mattermost: 'priya.raman', asana: '1207000000000101', phabricator: 'priya' } }],
    ],
    ['empty optional and handle cells left out', `${HEADER}\na,A,,,,,,,,,\n`, [{ id: 'a', name: 'A', handles: {} }]],
    ['only the id and name columns', 'id,name\na,A', [{ id: 'a', name: 'A', handles: {} }]],
    ['columns in another order, any case', 'Name,GitHub,ID\nA,aa,a', [{ id: 'a', name: 'A', handles: { github: 'aa' } }]],
    ['a byte order mark', '\uFEFFid,name\na,A\n', [{ id: 'a', name: 'A', handles: {} }]],
    ['CRLF line ends', 'id,name\r\na,A\r\nb,B\r\n', [{ id: 'a', name: 'A', handles: {} }, { id: 'b', name: 'B', handles: {} }]],
    ['CR line ends', 'id,name\ra,A\rb,B', [{ id: 'a', name: 'A', handles: {} }, { id: 'b', name: 'B', handles: {} }]],
    ['a quoted comma', 'id,name,title\na,"Raman, Priya","Lead, Platform"', [{ id: 'a', name: 'Raman, Priya', title: 'Lead, Platform', handles: {} }]],
    ['a quoted line break', 'id,name,title\r\na,A,"line one\r\nline two"\r\n', [{ id: 'a', name: 'A', title: 'line one\r\nline two', handles: {} }]],
    ['doubled quotes', 'id,name\na,"The ""Boss"""', [{ id: 'a', name: 'The "Boss"', handles: {} }]],
    ['several handles with spaces and empty pieces around |', 'id,name,gitlab\na,A, x | y ||', [{ id: 'a', name: 'A', handles: { gitlab: ['x', 'y'] } }]],
    ['a tool:host column', 'id,name,gitlab:gitlab.acme.internal,github:ghe.acme.internal:8443\na,A,aa,bb', [{ id: 'a', name: 'A', handles: { 'gitlab:gitlab.acme.internal': 'aa', 'github:ghe.acme.internal:8443': 'bb' } }]],
    ['blank lines and rows of empty cells skipped', 'id,name\n\na,A\n,\n\nb,B\n\n', [{ id: 'a', name: 'A', handles: {} }, { id: 'b', name: 'B', handles: {} }]],
    ['missing trailing cells, read as empty', 'id,name,email,github\na,A', [{ id: 'a', name: 'A', handles: {} }]],
    ['trailing empty cells beyond the header', 'id,name\na,A,,', [{ id: 'a', name: 'A', handles: {} }]],
    ['markup and a formula as plain data', 'id,name,title\nx,<img src=x onerror=alert(1)>,=HYPERLINK("http://evil")', [{ id: 'x', name: '<img src=x onerror=alert(1)>', title: '=HYPERLINK("http://evil")', handles: {} }]],
    ['a header with no rows', `${HEADER}\r\n`, []],
  ])('accepts %s', (_, text, expected) => {
    expect(people(parseDirectoryCsv(text))).toEqual(expected);
  });

  it('keeps a 10,000-character name whole', () => {
    const name = 'N'.repeat(10_000);
    expect(people(parseDirectoryCsv(`id,name\na,${name}\n`))[0]?.name).toBe(name);
  });
});

describe('parseDirectoryCsv: invalid files', () => {
  it.each<[string, string, { line: number; field?: string; message: RegExp }[]]>([
    ['an empty file', '', [{ line: 1, message: /empty: it needs a header row/ }]],
    ['a file of blank lines', '\r\n\r\n', [{ line: 1, message: /empty/ }]],
    ['no header row', 'priya,Priya Raman,priya@acme.example\n', [{ line: 1, message: /first line must be the header row/ }]],
    ['an unknown column', 'id,name,jira,Twitter\na,A,x,y', [{ line: 1, message: /^Unknown columns "jira", "twitter"\. The columns are id, name, email/ }]],
    ['a bad self-hosted host', 'id,name,gitlab:Bad_Host!\na,A,x', [{ line: 1, message: /Unknown columns "gitlab:bad_host!"/ }]],
    ['no id column', 'name,github\nA,a', [{ line: 1, field: 'id', message: /no "id" column/ }]],
    ['a repeated column', 'id,name,github,GitHub\na,A,x,y', [{ line: 1, message: /names "github" more than once/ }]],
    ['a column without a name', 'id,name,\na,A,x', [{ line: 1, message: /column 3 without a name/ }]],
    ['a header after blank lines, with an unknown column', '\n\nid,name,foo\n', [{ line: 3, message: /Unknown columns "foo"/ }]],
  ])('refuses %s', (_, text, expected) => {
    expect(errors(parseDirectoryCsv(text))).toEqual(expected.map(({ message, ...rest }) => ({ ...rest, message: expect.stringMatching(message) })));
  });

  it('reports every bad row, on the physical line it starts on, naming the column', () => {
    const text = [
      'id,name,email,team,title,github,slack',
      'ok,Fine,,,,,', // 2
      ',No Id,,,,,', // 3
      'b,"Two', // 4: a quoted name spanning two lines
      'Lines",not-an-email,,,,', // 5
      '', // 6
      'c,,,,,,', // 7
      'd,D,,,' + 't'.repeat(201) + ',,', // 8
      'b,Again,,,,,', // 9
      'e,E,,,,,,,x', // 10: too many cells
      'f,"F ""quoted""",,,,"x|""y""",', // 11
    ].join('\r\n');
    expect(errors(parseDirectoryCsv(text))).toEqual([
      { line: 3, field: 'id', message: 'id is empty' },
      { line: 4, field: 'email', message: '"not-an-email" is not a valid e-mail address' },
      { line: 7, field: 'name', message: 'name is empty' },
      { line: 8, field: 'title', message: 'title is longer than 200 characters' },
      { line: 9, field: 'id', message: 'id "b" is already used on line 4' },
      { line: 10, message: 'the row has 9 cells but the header has 7 columns: quote cells that contain commas' },
    ]);
  });

  it('reports each repeat of an id, naming the first line that used it', () => {
    expect(errors(parseDirectoryCsv('id,name\na,A\nb,B\na,A2\na,A3\n'))).toEqual([
      { line: 4, field: 'id', message: 'id "a" is already used on line 2' },
      { line: 5, field: 'id', message: 'id "a" is already used on line 2' },
    ]);
  });

  it('reports a quote that is never closed on the line it opens', () => {
    expect(errors(parseDirectoryCsv('id,name\na,A\nb,"B\nc,C\n'))).toEqual([{ line: 3, message: 'a quoted cell is never closed: add the closing "' }]);
  });

  it('reports text after a closing quote', () => {
    expect(errors(parseDirectoryCsv('id,name\na,"A"x\n'))).toContainEqual({ line: 2, message: expect.stringMatching(/text after its closing quote/) });
  });

  it('names the tool column of a bad handle', () => {
    expect(errors(parseDirectoryCsv('id,name,github\na,A,' + 'x'.repeat(201)))).toEqual([{ line: 2, field: 'github', message: 'the github handle is longer than 200 characters' }]);
  });
});
