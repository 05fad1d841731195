import Papa from 'papaparse';
import { TOOL_IDS } from '../tools/tool-ids';
import { isHandleKey } from './handle-key';
import type { ImportResult, RowError } from './import-result';
import { countLineBreaks, stripBom } from './lines';
import { importResult, PeopleValidator } from './validate-people';
import { TIME_FIELDS } from './working-time';

/** Header cells are read lower-cased, so the time fields' columns are `timezone`, `workinghours`… in any case. */
const TIME_COLUMNS = TIME_FIELDS.map((field) => field.toLowerCase());
const PERSON_COLUMNS = ['id', 'name', 'email', 'team', 'title', ...TIME_COLUMNS] as const;
const QUOTE_PROBLEMS: Partial<Record<string, string>> = {
  MissingQuotes: 'a quoted cell is never closed: add the closing "',
  InvalidQuotes: 'a quoted cell has text after its closing quote: wrap the whole cell in quotes and double every quote inside it ("")',
};
const COLUMNS_HELP = `id, name, email, team, title, timeZone, workingHours, workingDays, locale, then one column per tool id (${TOOL_IDS.join(', ')}) or tool:host`;

/** Read the contract's CSV directory (docs/contract.md section 4). Never throws. */
export function parseDirectoryCsv(text: string): ImportResult {
  const errors: RowError[] = [];
  const validator = new PeopleValidator({ field: columnOf, place: (line) => `line ${line}` });
  const read: { header?: { layout: Layout; width: number; errors: RowError[] } } = {};
  let line = 1;
  // papaparse splits records, quoting and all, and hands them over one at a time, so each can be
  // dropped once validated. Blank records are skipped here rather than by papaparse, so that every
  // record counts towards the physical line the next one starts on.
  Papa.parse<string[]>(stripBom(text), {
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    step: ({ data: cells, errors: problems }, parser) => {
      const start = line;
      line += 1 + quotedLineBreaks(cells);
      for (const problem of problems) errors.push({ line: start, message: QUOTE_PROBLEMS[problem.code] ?? problem.message });
      if (isBlank(cells)) return;
      const { header } = read;
      if (!header) {
        const columns = cells.map((cell) => cell.trim().toLowerCase());
        read.header = { layout: layoutOf(columns), width: columns.length, errors: checkHeader(columns, start) };
        // Without a sound header no row can be read; its errors are the whole answer.
        if (read.header.errors.length > 0) parser.abort();
      } else if (cells.length > header.width && !isBlank(cells.slice(header.width))) {
        errors.push({ line: start, message: `the row has ${cells.length} cells but the header has ${header.width} columns: quote cells that contain commas` });
      } else validator.add(start, personInput(header.layout, cells));
    },
  });
  if (!read.header) return importResult([], [{ line: 1, message: `The file is empty: it needs a header row (${COLUMNS_HELP}) and one row per person.` }]);
  if (read.header.errors.length > 0) return importResult([], read.header.errors);
  return importResult(validator.people, [...errors, ...validator.errors]);
}

/** Line breaks inside quoted cells: papaparse keeps quoted text verbatim, line breaks included. */
function quotedLineBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) if (cell.includes('\n') || cell.includes('\r')) breaks += countLineBreaks(cell);
  return breaks;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function checkHeader(columns: readonly string[], line: number): RowError[] {
  if (!columns.includes('id') && !columns.includes('name')) {
    return [{ line, message: `The first line must be the header row naming the columns: ${COLUMNS_HELP}.` }];
  }
  const errors: RowError[] = [];
  for (const required of ['id', 'name']) {
    if (!columns.includes(required)) errors.push({ line, field: required, message: `The header has no "${required}" column; every person needs one.` });
  }
  const repeated = columns.filter((column, i) => column !== '' && columns.indexOf(column) !== i);
  if (repeated.length > 0) errors.push({ line, message: `The header names ${[...new Set(repeated)].map((c) => `"${c}"`).join(', ')} more than once.` });
  const unnamed = columns.flatMap((column, i) => (column === '' ? [i + 1] : []));
  if (unnamed.length > 0) errors.push({ line, message: `The header leaves column ${unnamed.join(', ')} without a name.` });
  const unknown = columns.filter((column) => column !== '' && !(PERSON_COLUMNS as readonly string[]).includes(column) && !isHandleKey(column));
  if (unknown.length > 0) errors.push({ line, message: `Unknown columns ${unknown.map((c) => `"${c}"`).join(', ')}. The columns are ${COLUMNS_HELP}.` });
  return errors;
}

/** Where each field's cell is in a row; built once from the header, so rows are read by index. */
interface Layout {
  id: number;
  name: number;
  email: number;
  team: number;
  title: number;
  time: [field: (typeof TIME_FIELDS)[number], index: number][];
  handles: [key: string, index: number][];
}

function layoutOf(columns: readonly string[]): Layout {
  return {
    id: columns.indexOf('id'),
    name: columns.indexOf('name'),
    email: columns.indexOf('email'),
    team: columns.indexOf('team'),
    title: columns.indexOf('title'),
    time: TIME_FIELDS.map((field, i) => [field, columns.indexOf(TIME_COLUMNS[i] as string)] as [(typeof TIME_FIELDS)[number], number]).filter(([, index]) => index >= 0),
    handles: columns.flatMap((column, index): [string, number][] => ((PERSON_COLUMNS as readonly string[]).includes(column) ? [] : [[column, index]])),
  };
}

/** Empty optional cells mean "not given"; a handle cell holds one handle or several separated by `|`. */
function personInput(layout: Layout, cells: readonly string[]): Record<string, unknown> {
  const handles: Record<string, string | string[]> = {};
  for (const [key, index] of layout.handles) {
    const cell = cells[index] ?? '';
    if (!cell.includes('|')) {
      const handle = cell.trim();
      if (handle !== '') handles[key] = handle;
      continue;
    }
    const list = handleList(cell);
    if (list.length > 0) handles[key] = list.length === 1 ? (list[0] as string) : list;
  }
  const input: Record<string, unknown> = {
    id: cells[layout.id] ?? '',
    name: cells[layout.name] ?? '',
    email: optionalCell(cells, layout.email),
    team: optionalCell(cells, layout.team),
    title: optionalCell(cells, layout.title),
    handles,
  };
  for (const [field, index] of layout.time) {
    const value = optionalCell(cells, index);
    if (value !== undefined) input[field] = value;
  }
  return input;
}

function handleList(cell: string): string[] {
  const list: string[] = [];
  for (const piece of cell.split('|')) {
    const handle = piece.trim();
    if (handle !== '') list.push(handle);
  }
  return list;
}

function optionalCell(cells: readonly string[], index: number): string | undefined {
  const value = cells[index]?.trim();
  return value === '' ? undefined : value;
}

function columnOf(personField: string): string {
  return personField.startsWith('handles.') ? personField.slice('handles.'.length) : personField;
}
