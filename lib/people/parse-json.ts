import type { ImportResult, RowError } from './import-result';
import { locateJsonSyntaxError } from './json-syntax';
import { stripBom } from './lines';
import { importResult, PeopleValidator } from './validate-people';
import { TIME_FIELDS } from './working-time';

const PERSON_FIELDS = new Set(['id', 'name', 'email', 'team', 'title', ...TIME_FIELDS, 'handles']);
const OPTIONAL_TEXT = ['email', 'team', 'title', ...TIME_FIELDS] as const;

/** Read the contract's JSON directory (docs/contract.md section 4). Never throws. */
export function parseDirectoryJson(text: string): ImportResult {
  const source = stripBom(text);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const where = locateJsonSyntaxError(source);
    const message = where
      ? `The file is not valid JSON: ${where.message} (line ${where.line}, column ${where.column}).`
      : `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return importResult([], [{ line: where?.line ?? 1, message }]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return importResult([], [{ line: 1, message: 'The file must be a JSON object: {"version": 1, "people": [...]}' }]);
  }
  const { version, people } = data as { version?: unknown; people?: unknown };
  const errors: RowError[] = [];
  if (version !== 1) {
    errors.push({ line: 1, field: 'version', message: version === undefined ? 'version is missing: add "version": 1' : `version must be 1, not ${JSON.stringify(version)}` });
  }
  if (!Array.isArray(people)) {
    errors.push({ line: 1, field: 'people', message: people === undefined ? 'people is missing: add "people": [...]' : 'people must be a list' });
    return importResult([], errors);
  }
  const lines = peopleLines(source);
  const validator = new PeopleValidator();
  people.forEach((input: unknown, i) => validator.add(lines[i] ?? 1, withoutBlankOptionals(input)));
  return importResult(validator.people, [...errors, ...validator.errors], unknownFieldWarnings(people));
}

/** A blank e-mail, team, title or time field means "none", as an empty CSV cell does, so both formats agree. */
function withoutBlankOptionals(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  const isBlank = (key: (typeof OPTIONAL_TEXT)[number]) => typeof record[key] === 'string' && (record[key] as string).trim() === '';
  if (!OPTIONAL_TEXT.some(isBlank)) return input;
  const copy = { ...record };
  for (const key of OPTIONAL_TEXT) if (isBlank(key)) delete copy[key];
  return copy;
}

/** Unknown person fields are dropped; name them, since a typo ("emial") would otherwise vanish silently. */
function unknownFieldWarnings(people: unknown[]): string[] {
  const unknown = new Set<string>();
  for (const person of people) {
    if (typeof person !== 'object' || person === null) continue;
    for (const key of Object.keys(person)) if (!PERSON_FIELDS.has(key)) unknown.add(key);
  }
  if (unknown.size === 0) return [];
  return [`Ignored unknown person fields: ${[...unknown].map((key) => `"${key}"`).join(', ')}. Known fields are ${[...PERSON_FIELDS].join(', ')}.`];
}

/**
 * The line on which each element of the root object's "people" array starts. JSON.parse keeps no
 * positions, so this walks the (already valid) text once, tracking only strings and nesting.
 */
function peopleLines(source: string): number[] {
  let lines: number[] = [];
  let line = 1;
  let depth = 0;
  let rootKey = '';
  let expectingRootKey = false;
  let inPeople = false;
  let awaitingElement = false;
  // Indentation is most of a pretty-printed file; the regex skips a run of it natively.
  const notBlank = /[^ \t]/g;
  for (let i = 0; i < source.length; i++) {
    let char = source[i];
    if (char === ' ' || char === '\t') {
      notBlank.lastIndex = i;
      const found = notBlank.exec(source);
      if (!found) break;
      i = found.index;
      char = found[0];
    }
    if (char === '\n' || (char === '\r' && source[i + 1] !== '\n')) {
      line += 1;
      continue;
    }
    if (char === '\r') continue;
    if (awaitingElement && char !== ']') lines.push(line);
    awaitingElement = false;
    if (char === '"') {
      const end = stringEnd(source, i);
      if (depth === 1 && expectingRootKey) {
        rootKey = JSON.parse(source.slice(i, end + 1)) as string;
        expectingRootKey = false;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      depth += 1;
      if (depth === 1) expectingRootKey = true;
      if (depth === 2 && char === '[' && rootKey === 'people') {
        // A repeated "people" key: JSON.parse keeps the last one, and so does this.
        inPeople = true;
        lines = [];
        awaitingElement = true;
      }
    } else if (char === '}' || char === ']') {
      if (depth === 2) inPeople = false;
      depth -= 1;
    } else if (char === ',') {
      if (depth === 1) expectingRootKey = true;
      if (depth === 2 && inPeople) awaitingElement = true;
    }
  }
  return lines;
}

/** Index of the quote closing the JSON string that opens at `start`: the first one not escaped. */
function stringEnd(source: string, start: number): number {
  let end = source.indexOf('"', start + 1);
  for (;;) {
    let backslashes = 0;
    while (source[end - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = source.indexOf('"', end + 1);
  }
}
