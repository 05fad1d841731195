import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { TOOL_FACTS, TOOL_IDS, type ToolId } from '../tools/tool-ids';
import { workingTimeProblem, type TimeField } from './working-time';

/**
 * The directory formats of docs/contract.md section 4. A handle key is a tool id, or `tool:host` for a
 * self-hosted instance (`gitlab:gitlab.acme.internal`).
 */
const HANDLE_KEY = new RegExp(`^(${TOOL_IDS.join('|')})(:[a-z0-9.-]+(:\\d+)?)?$`);

export const personSchema = lazy(() => {
  // Checked by working-time.ts, which also words the problem (plain-issues.ts).
  const TimeText = (field: TimeField) =>
    z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64), z.refine((value) => workingTimeProblem(field, value) === undefined)));
  const Handle = z.string().check(z.trim(), z.minLength(1, 'a handle cannot be empty'), z.maxLength(200));
  return z.object({
    id: z.string().check(z.trim(), z.minLength(1, 'id is required'), z.maxLength(200)),
  name: z.string().check(z.trim(), z.minLength(1, 'name is required'), z.maxLength(10_000)),
  email: z.optional(z.email().check(z.maxLength(320))),
  team: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  title: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  timeZone: TimeText('timeZone'),
  workingHours: TimeText('workingHours'),
  workingDays: TimeText('workingDays'),
  locale: TimeText('locale'),
  handles: z._default(
    z.record(
      z.string().check(z.regex(HANDLE_KEY, 'handle keys are tool ids, or tool:host for a self-hosted instance')),
      z.union([Handle, z.array(Handle).check(z.minLength(1))]),
    ),
    {},
  ),
  });
});
export type Person = z.infer<ReturnType<typeof personSchema>>;

export const directorySchema = lazy(() =>
  z.object({
    version: z.literal(1),
    people: z.array(personSchema()),
  }),
);
export type Directory = z.infer<ReturnType<typeof directorySchema>>;

/** A handle as the tool matches it: no surrounding space or leading @, lower case where the tool's handles are usernames (its facts' `handleCase`). */
export function normalHandle(tool: ToolId, handle: string): string {
  // Runs once per mention on every page: plain string work, no regular expressions.
  let value = handle.charCodeAt(0) <= 32 || handle.charCodeAt(handle.length - 1) <= 32 ? handle.trim() : handle;
  if (value.charCodeAt(0) === 64) value = value.slice(1); // a leading @
  return TOOL_FACTS[tool]?.handleCase === 'insensitive' ? value.toLowerCase() : value;
}

/** The lookup key of a handle on a tool (or `tool:host`), normalised by the tool's matching rule. */
export function handleKey(toolKey: string, handle: string): string {
  const colon = toolKey.indexOf(':');
  return `${toolKey}:${normalHandle((colon < 0 ? toolKey : toolKey.slice(0, colon)) as ToolId, handle)}`;
}

/** Every lookup key of a person, for the directory's multi-entry index. */
export function personHandleKeys(person: Person): string[] {
  return Object.entries(person.handles).flatMap(([tool, value]) =>
    (Array.isArray(value) ? value : [value]).map((handle) => handleKey(tool, handle)),
  );
}
