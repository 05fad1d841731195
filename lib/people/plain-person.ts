import * as z from 'zod/mini';
import { isHandleKey } from './handle-key';
import type { Person } from './schema';
import { TIME_FIELDS, workingTimeProblem } from './working-time';

/**
 * The person exactly as personSchema() returns it, when every value is plainly valid; undefined
 * otherwise, and then zod judges the row and words its errors. Zod/mini takes several
 * microseconds a person, which pushed a 50,000-person import past a second, while typical rows
 * are plainly valid. This mirrors schema.ts rule by rule (limits below); plain-person.test.ts
 * checks that both agree at every boundary, so change them together.
 */
export function plainPerson(input: unknown): Person | undefined {
  if (!isRecord(input)) return undefined;
  const id = trimmed(input.id, 1, 200);
  const name = trimmed(input.name, 1, 10_000);
  if (id === undefined || name === undefined) return undefined;
  const person: Person = { id, name, handles: {} };
  if (input.email !== undefined) {
    // The schema's z.email() does not trim, so neither does this.
    if (typeof input.email !== 'string' || input.email.length > 320 || !z.regexes.email.test(input.email)) return undefined;
    person.email = input.email;
  }
  for (const field of ['team', 'title'] as const) {
    if (input[field] === undefined) continue;
    const value = trimmed(input[field], 0, 200);
    if (value === undefined) return undefined;
    person[field] = value;
  }
  for (const field of TIME_FIELDS) {
    if (input[field] === undefined) continue;
    const value = trimmed(input[field], 1, 64);
    if (value === undefined || workingTimeProblem(field, value) !== undefined) return undefined;
    person[field] = value;
  }
  const handles = plainHandles(input.handles);
  if (handles === undefined) return undefined;
  person.handles = handles;
  return person;
}

/** Handle keys are still asked of the schema itself (isHandleKey), once per key. */
function plainHandles(value: unknown): Person['handles'] | undefined {
  if (value === undefined) return {};
  if (!isRecord(value)) return undefined;
  const handles: Person['handles'] = {};
  for (const key of Object.keys(value)) {
    if (!isHandleKey(key)) return undefined;
    const entry = value[key];
    if (Array.isArray(entry)) {
      if (entry.length === 0) return undefined;
      const list: string[] = [];
      for (const item of entry as unknown[]) {
        const handle = trimmed(item, 1, 200);
        if (handle === undefined) return undefined;
        list.push(handle);
      }
      handles[key] = list;
    } else {
      const handle = trimmed(entry, 1, 200);
      if (handle === undefined) return undefined;
      handles[key] = handle;
    }
  }
  return handles;
}

function trimmed(value: unknown, min: number, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text.length >= min && text.length <= max ? text : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
