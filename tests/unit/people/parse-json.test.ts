import { describe, expect, it } from 'vitest';
import { parseDirectoryJson } from '@/lib/people/parse-json';
import type { ImportResult } from '@/lib/people/import-result';
import demo from '../../fixtures/directory/demo-directory.json';

function people(result: ImportResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.directory.people;
}

function errors(result: ImportResult) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

const file = (list: unknown[]) => JSON.stringify({ version: 1, people: list }, null, 2);

describe('parseDirectoryJson: valid files', () => {
  it('reads the bundled demo directory', () => {
    expect(people(parseDirectoryJson(JSON.stringify(demo)))).toHaveLength(30);
  });

  it.each<[string, string, unknown]>([
    ['the contract example', file([{ id: 'priya', name: 'Priya Raman', email: 'priya@acme.example', team: 'Platform', title: 'Staff Engineer', handles: { github: 'priya-r', gitlab: ['praman', 'priya.raman'], slack: 'U0PRIYA001' } }]), { id: 'priya', name: 'Priya Raman', email: 'priya@acme.example', team: 'Platform', title: 'Staff Engineer', handles: { github: 'priya-r', gitlab: ['praman', 'priya.raman'], slack: 'U0PRIYA001' } }],
    ['only id and name', file([{ id: 'a', name: 'A' }]), { id: 'a', name: 'A', handles: {} }],
    ['a byte order mark', `\uFEFF${file([{ id: 'a', name: 'A' }])}`, { id: 'a', name: 'A', handles: {} }],
    ['CRLF line ends', file([{ id: 'a', name: 'A' }]).replaceAll('\n', '\r\n'), { id: 'a', name: 'A', handles: {} }],
    ['a tool:host key', file([{ id: 'a', name: 'A', handles: { 'gitlab:gitlab.acme.internal': 'aa' } }]), { id: 'a', name: 'A', handles: { 'gitlab:gitlab.acme.internal': 'aa' } }],
    ['blank optional text, meaning none', file([{ id: 'a', name: 'A', email: '', team: '  ', title: '' }]), { id: 'a', name: 'A', handles: {} }],
    ['surrounding spaces, trimmed', file([{ id: ' a ', name: ' A ', team: ' T ' }]), { id: 'a', name: 'A', team: 'T', handles: {} }],
    ['markup and a 10,000-character name, as plain data', file([{ id: 'x', name: `<img src=x onerror=alert(1)>${'n'.repeat(9_972)}` }]), { id: 'x', name: `<img src=x onerror=alert(1)>${'n'.repeat(9_972)}`, handles: {} }],
  ])('accepts %s', (_, text, expected) => {
    expect(people(parseDirectoryJson(text))).toEqual([expected]);
  });

  it('accepts an empty people list, with a warning that it would archive everyone', () => {
    const result = parseDirectoryJson('{"version":1,"people":[]}');
    expect(result).toMatchObject({ ok: true, warnings: [expect.stringMatching(/archives everyone/)] });
  });

  it('drops unknown person fields and names them in a warning', () => {
    const result = parseDirectoryJson(file([{ id: 'a', name: 'A', emial: 'a@acme.example' }]));
    expect(result).toMatchObject({ ok: true, warnings: [expect.stringContaining('"emial"')] });
    expect(people(result)[0]).not.toHaveProperty('emial');
  });
});

describe('parseDirectoryJson: invalid files', () => {
  it.each<[string, string, { line: number; field?: string; message: RegExp }[]]>([
    ['not JSON', 'id,name\npriya,Priya', [{ line: 1, message: /not valid JSON/ }]],
    ['a syntax error on line 3', '{\n  "version": 1,\n  "people": [,]\n}', [{ line: 3, message: /^The file is not valid JSON: expected a value, found "," \(line 3, column 14\)/ }]],
    ['a trailing comma', '{"version": 1, "people": [],}', [{ line: 1, message: /expected a quoted property name, found "}" \(line 1, column 29\)/ }]],
    ['an empty file', '', [{ line: 1, message: /found the end of the file/ }]],
    ['a list at the top', '[{"id":"a","name":"A"}]', [{ line: 1, message: /JSON object/ }]],
    ['no version', '{"people":[]}', [{ line: 1, field: 'version', message: /version is missing/ }]],
    ['version 2', '{"version":2,"people":[]}', [{ line: 1, field: 'version', message: /must be 1, not 2/ }]],
    ['no people', '{"version":1}', [{ line: 1, field: 'people', message: /people is missing/ }]],
    ['people not a list', '{"version":1,"people":{}}', [{ line: 1, field: 'people', message: /must be a list/ }]],
  ])('refuses %s', (_, text, expected) => {
    expect(errors(parseDirectoryJson(text))).toEqual(expected.map(({ message, ...rest }) => ({ ...rest, message: expect.stringMatching(message) })));
  });

  it('reports every bad person with the line of its opening brace, the field and the reason', () => {
    const text = [
      '{',
      '  "version": 1,',
      '  "people": [',
      '    { "id": "ok", "name": "Fine" },',
      '    {',
      '      "name": "No Id"',
      '    },',
      '    { "id": "b", "name": "B", "email": "not-an-email" },',
      '    { "id": "c", "name": "", "handles": { "jira": "x", "github": 5, "slack": [] } },',
      '    "just text",',
      '    { "id": 7, "name": "Number Id" },',
      '    { "id": "b", "name": "Again",',
      '      "title": "' + 't'.repeat(201) + '" }',
      '  ]',
      '}',
    ].join('\n');
    expect(errors(parseDirectoryJson(text))).toEqual([
      { line: 5, field: 'id', message: 'id is missing' },
      { line: 8, field: 'email', message: '"not-an-email" is not a valid e-mail address' },
      { line: 9, field: 'name', message: 'name is empty' },
      { line: 9, field: 'handles.jira', message: expect.stringMatching(/^"jira" is not a tool: handle keys are github, gitlab/) },
      { line: 9, field: 'handles.github', message: 'the github handle must be text or a list of text, not a number (5)' },
      { line: 9, field: 'handles.slack', message: 'the slack handle is an empty list' },
      { line: 10, message: 'each person must be an object with an id and a name, not text' },
      { line: 11, field: 'id', message: 'id must be text, not a number (7)' },
      { line: 12, field: 'title', message: 'title is longer than 200 characters' },
      { line: 12, field: 'id', message: 'id "b" is already used on line 8' },
    ]);
  });

  it('reports a file-level error and the bad rows together', () => {
    const result = errors(parseDirectoryJson('{"version": 3,\n"people": [\n{"id": "a"}]}'));
    expect(result).toEqual([
      { line: 1, field: 'version', message: 'version must be 1, not 3' },
      { line: 3, field: 'name', message: 'name is missing' },
    ]);
  });

  it('finds people lines despite braces, brackets and escaped quotes inside strings, and a repeated key', () => {
    const text = '{"people": "ignored", "note": "[{\\"", "version": 1,\n"people": [\n\n{"id": "a", "name": "{[A]}"},\n{"id": "a", "name": "B"}]}';
    expect(errors(parseDirectoryJson(text))).toEqual([{ line: 5, field: 'id', message: 'id "a" is already used on line 4' }]);
  });
});
