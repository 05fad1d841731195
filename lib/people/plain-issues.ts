import type * as z from 'zod/mini';
import { TOOL_IDS } from '../tools/tool-ids';
import { TIME_FIELDS, workingTimeProblem, type TimeField } from './working-time';

/**
 * A schema issue in words an admin can act on. `field` names the person field (`id`, `name`,
 * `email`, `team`, `title`, `timeZone`, `workingHours`, `workingDays`, `locale`, `handles.<key>`); each format names it its own way.
 */
export interface PlainIssue {
  field: string;
  message: string;
}

/**
 * Worded from the issue's code, never from zod's own message: zod/mini ships no English messages
 * ("Invalid input"), and the wording must not change when some other module configures a locale.
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): PlainIssue {
  const [first, second] = issue.path;
  if (first === undefined) return { field: '', message: `each person must be an object with an id and a name, not ${kindOf(input)}` };
  const field = first === 'handles' && second !== undefined ? `handles.${String(second)}` : String(first);
  const label = first === 'handles' && second !== undefined ? `the ${String(second)} handle` : field;
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { field, message: `${label} is missing` };
      return { field, message: `${label} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(value)}` };
    case 'invalid_union':
      return { field, message: `${label} must be text or a list of text, not ${kindOf(value)}` };
    case 'too_small':
      return { field, message: issue.origin === 'array' ? `${label} is an empty list` : `${label} is empty` };
    case 'too_big':
      return { field, message: `${label} is longer than ${Number(issue.maximum).toLocaleString('en')} characters` };
    case 'invalid_format':
      if (issue.format === 'email') return { field, message: `${quote(value)} is not a valid e-mail address` };
      return { field, message: `${label} ${quote(value)} is not in the expected format` };
    case 'invalid_key':
      return {
        field,
        message: `"${String(second)}" is not a tool: handle keys are ${TOOL_IDS.join(', ')}, or tool:host for a self-hosted instance (gitlab:gitlab.acme.internal)`,
      };
    case 'custom': {
      const problem = typeof value === 'string' && isTimeField(field) ? workingTimeProblem(field, value.trim()) : undefined;
      return { field, message: problem ?? `${label} is not valid` };
    }
    default:
      return { field, message: `${label} is not valid` };
  }
}

function isTimeField(field: string): field is TimeField {
  return (TIME_FIELDS as readonly string[]).includes(field);
}

const EXPECTED: Partial<Record<string, string>> = { string: 'text', array: 'a list', object: 'an object' };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `a number (${String(value)})`;
  if (typeof value === 'boolean') return `${String(value)}`;
  if (typeof value === 'string') return 'text';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Values are quoted so blank or odd text stays visible; long ones are cut so a message stays one line. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}
