import type { ImportResult, RowError } from './import-result';
import { describeIssue } from './plain-issues';
import { plainPerson } from './plain-person';
import { personSchema, type Person } from './schema';

export interface RowNaming {
  /** The name the source gives a person field (`handles.github` is the `github` column in CSV). */
  field: (personField: string) => string;
  /** How a message points back at another row ("line 3", "user #3"). */
  place: (line: number) => string;
}

const AS_IS: RowNaming = { field: (personField) => personField, place: (line) => `line ${line}` };

/**
 * Validates people one at a time as a source is read (so each raw row can be dropped at once,
 * which matters for 50,000-person files), collecting every problem rather than stopping at the
 * first, so the admin can fix a file in one pass. A repeated id is an error on each repeat,
 * pointing at its first use.
 */
export class PeopleValidator {
  readonly people: Person[] = [];
  readonly errors: RowError[] = [];
  private readonly firstLineOfId = new Map<string, number>();

  constructor(private readonly naming: RowNaming = AS_IS) {}

  add(line: number, input: unknown): void {
    const person = plainPerson(input);
    if (person) this.people.push(person);
    else {
      const result = personSchema().safeParse(input);
      if (result.success) this.people.push(result.data);
      else {
        for (const issue of result.error.issues) {
          const { field, message } = describeIssue(issue, input);
          this.errors.push(field ? { line, field: this.naming.field(field), message } : { line, message });
        }
      }
    }
    const id = idOf(input);
    if (id === undefined) return;
    const first = this.firstLineOfId.get(id);
    if (first === undefined) this.firstLineOfId.set(id, line);
    else this.errors.push({ line, field: this.naming.field('id'), message: `id "${id}" is already used on ${this.naming.place(first)}` });
  }
}

function idOf(input: unknown): string | undefined {
  const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  const trimmed = typeof id === 'string' ? id.trim() : '';
  return trimmed === '' ? undefined : trimmed;
}

/** The all-or-nothing verdict: any error refuses the whole directory. */
export function importResult(people: Person[], errors: RowError[], warnings: string[] = []): ImportResult {
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  // An empty source would archive everyone; say so, since a broken export often looks like this.
  if (people.length === 0) warnings.push('The directory lists nobody: importing it archives everyone currently in the directory.');
  return { ok: true, directory: { version: 1, people }, warnings };
}
