import { describe, expect, it } from 'vitest';
import { parseDirectoryText } from '@/lib/people/parse-text';

const JSON_TEXT = '{"version":1,"people":[{"id":"a","name":"A"}]}';
const CSV_TEXT = 'id,name\r\na,A\r\n';
const A = [{ id: 'a', name: 'A', handles: {} }];

describe('parseDirectoryText', () => {
  it.each<[string, string, Parameters<typeof parseDirectoryText>[1]]>([
    ['pasted JSON', JSON_TEXT, undefined],
    ['pasted JSON with a BOM and leading blank lines', `\uFEFF\n\n  ${JSON_TEXT}`, undefined],
    ['pasted CSV', CSV_TEXT, undefined],
    ['JSON served as application/json; charset=utf-8', JSON_TEXT, { mediaType: 'application/json; charset=utf-8' }],
    ['JSON served as text/plain', JSON_TEXT, { mediaType: 'text/plain' }],
    ['JSON served as application/octet-stream', JSON_TEXT, { mediaType: 'application/octet-stream' }],
    ['CSV served as text/csv', CSV_TEXT, { mediaType: 'text/csv;charset=utf-8' }],
    ['CSV served as text/plain', CSV_TEXT, { mediaType: 'text/plain' }],
    ['a .csv file Windows labels application/vnd.ms-excel', CSV_TEXT, { mediaType: 'application/vnd.ms-excel', fileName: 'people.csv' }],
    ['a .json file with no type', JSON_TEXT, { mediaType: '', fileName: 'People.JSON' }],
    ['a .csv file with no type', CSV_TEXT, { fileName: 'people.csv' }],
    ['a .txt file holding CSV', CSV_TEXT, { fileName: 'people.txt' }],
  ])('reads %s', (_, text, hint) => {
    expect(parseDirectoryText(text, hint)).toEqual({ ok: true, directory: { version: 1, people: A }, warnings: [] });
  });

  it.each<[string, string, Parameters<typeof parseDirectoryText>[1], RegExp]>([
    ['a declared JSON type over the sniff: CSV labelled JSON is a JSON error', CSV_TEXT, { mediaType: 'application/json' }, /not valid JSON/],
    ['a declared CSV type over the sniff: JSON labelled CSV is a CSV error', JSON_TEXT, { mediaType: 'text/csv' }, /header row/],
    ['the file name over the sniff', JSON_TEXT, { fileName: 'people.csv' }, /header row/],
    ['a JSON list sniffed as JSON', '[{"id":"a","name":"A"}]', undefined, /JSON object/],
  ])('lets %s', (_, text, hint, message) => {
    expect(parseDirectoryText(text, hint)).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(message) }] });
  });
});
