import { handleKey, type Person } from './schema';
import type { HandleAdvice } from '../tools/facts';
import { factsOf, TOOL_FACTS, TOOL_IDS, TOOL_NAMES, type ToolId } from '../tools/tool-ids';

export type ConflictKind = 'duplicate-handle' | 'duplicate-email' | 'wrong-tool-handle';

export interface Conflict {
  kind: ConflictKind;
  personIds: string[];
  tool?: string;
  handle?: string;
  message: string;
  fix: string;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Problems that pass the schema but break mention matching: a handle two people claim (which
 * person gets the mention?), a shared e-mail, and handles pasted into the wrong tool's column.
 */
export function findConflicts(people: readonly Person[]): Conflict[] {
  return [...duplicateHandles(people), ...duplicateEmails(people), ...people.flatMap(wrongToolHandles)];
}

function duplicateHandles(people: readonly Person[]): Conflict[] {
  // Most handles belong to one person: remember just that person, and build a claim only for a
  // handle someone else also has, so 50,000 people cost one map entry per handle.
  const firstOwner = new Map<string, Person>();
  const shared = new Map<string, { tool: string; handle: string; owners: Person[] }>();
  for (const person of people) {
    forEachHandle(person, (tool, handle) => {
      const key = handleKey(tool, handle);
      const first = firstOwner.get(key);
      if (first === undefined) firstOwner.set(key, person);
      else if (first !== person) {
        const claim = shared.get(key);
        if (!claim) shared.set(key, { tool, handle: firstHandle(first, tool, key), owners: [first, person] });
        else if (!claim.owners.includes(person)) claim.owners.push(person);
      }
    });
  }
  return [...shared.values()].map(({ tool, handle, owners }) => ({
    kind: 'duplicate-handle',
    personIds: owners.map((p) => p.id),
    tool,
    handle,
    message: `The ${toolName(tool)} handle ${handle} belongs to ${owners.length} people: ${owners.map(named).join(', ')}.`,
    fix: `Keep ${handle} on the one person it belongs to and remove it from the others' ${tool} handles.`,
  }));
}

/** The handle as the first owner wrote it, which is what the admin will search the file for. */
function firstHandle(person: Person, tool: string, key: string): string {
  const value = person.handles[tool] ?? [];
  return (Array.isArray(value) ? value : [value]).find((handle) => handleKey(tool, handle) === key) ?? key;
}

function duplicateEmails(people: readonly Person[]): Conflict[] {
  const owners = new Map<string, Person[]>();
  for (const person of people) {
    if (person.email === undefined) continue;
    const key = person.email.toLowerCase();
    const list = owners.get(key);
    if (list) list.push(person);
    else owners.set(key, [person]);
  }
  return [...owners.values()]
    .filter((list) => list.length > 1)
    .map((list) => {
      const email = (list[0] as Person).email as string;
      return {
        kind: 'duplicate-email',
        personIds: list.map((p) => p.id),
        message: `The e-mail ${email} belongs to ${list.length} people: ${list.map(named).join(', ')}.`,
        fix: `Keep ${email} on the one person it belongs to; if these are the same person, merge them into one entry.`,
      };
    });
}

function wrongToolHandles(person: Person): Conflict[] {
  const conflicts: Conflict[] = [];
  forEachHandle(person, (tool, handle) => {
    // Mentions resolve with a leading @ dropped (handleKey), so judge the handle without it.
    const advice = wrongToolAdvice(tool.split(':')[0] as ToolId, handle.replace(/^@/, ''));
    if (!advice) return;
    conflicts.push({
      kind: 'wrong-tool-handle',
      personIds: [person.id],
      tool,
      handle,
      message: `${named(person)} has ${handle} as a ${toolName(tool)} handle, but ${advice.looksLike}.`,
      fix: advice.fix,
    });
  });
  return conflicts;
}

/**
 * Why `handle` cannot be a `tool` handle and what to do instead, or undefined when it can: an
 * e-mail address, another tool's distinctive handle (a Slack member id under GitHub), or what the
 * tool's own facts say of it.
 */
function wrongToolAdvice(tool: ToolId, handle: string): HandleAdvice | undefined {
  const facts = factsOf(tool);
  if (!facts) return undefined;
  const wanted = `the person's ${facts.name} ${facts.handleWord}`;
  if (EMAIL.test(handle)) return { looksLike: 'that is an e-mail address', fix: `Put ${handle} in the email column and use ${wanted} as the handle.` };
  for (const other of TOOL_IDS) {
    const shape = TOOL_FACTS[other].distinctiveHandle;
    if (other !== tool && shape?.pattern.test(handle)) return { looksLike: `it looks like ${shape.phrase}`, fix: `Move ${handle} to the ${other} column and put ${wanted} here.` };
  }
  return facts.handleAdvice?.(handle);
}

function forEachHandle(person: Person, visit: (tool: string, handle: string) => void): void {
  for (const tool of Object.keys(person.handles)) {
    const value = person.handles[tool] as string | string[];
    if (Array.isArray(value)) for (const handle of value) visit(tool, handle);
    else visit(tool, value);
  }
}

function toolName(key: string): string {
  const [tool, host] = key.split(':') as [ToolId, string | undefined];
  const name = TOOL_NAMES[tool] ?? tool;
  return host ? `${name} (${host})` : name;
}

function named(person: Person): string {
  return `${person.name} (${person.id})`;
}
