import Fuse from 'fuse.js';
import type { StoredPerson } from '../db';
import { TOOL_FACTS, type ToolId } from '../tools/tool-ids';
import { workingTimeOf, type WorkingTime } from './working-time';

/** A person offered while typing `@…` in a composer, with the handle to insert on this tool. */
export interface Suggestion {
  id: string;
  name: string;
  team?: string;
  /** What to type after `@`: this tool's handle, or the name where the tool's own picker makes mentions. */
  insert: string;
  /** The person's handle on this tool, shown beside the name. */
  handle: string;
  /** Where and when they work, so the list can show their local time. */
  time?: WorkingTime;
}

interface Entry {
  person: StoredPerson;
  name: string;
  email: string;
  handles: string[];
}

/**
 * Fuzzy matching over names, e-mails and every handle on every tool (so a Slack display name or a
 * GitHub login typed in a GitLab comment finds the person), with fuse.js.
 */
export class PeopleSuggester {
  private readonly fuse: Fuse<Entry>;

  constructor(people: readonly StoredPerson[]) {
    const entries = people
      .filter((p) => p.archivedAt === undefined)
      .map((person) => ({
        person,
        name: person.name,
        email: person.email ?? '',
        handles: Object.values(person.handles).flatMap((v) => (Array.isArray(v) ? v : [v])),
      }));
    this.fuse = new Fuse(entries, {
      keys: [
        { name: 'name', weight: 3 },
        { name: 'handles', weight: 2 },
        { name: 'email', weight: 1 },
      ],
      threshold: 0.35,
      ignoreLocation: true,
      minMatchCharLength: 1,
    });
  }

  suggest(query: string, tool: ToolId, host: string | null, limit = 6): Suggestion[] {
    // Where mentions are chips from the tool's own picker, typing the name after `@` opens it on the right person.
    const picker = TOOL_FACTS[tool].mentionStyle === 'picker';
    const found: Suggestion[] = [];
    for (const { item } of this.fuse.search(query.trim(), { limit: limit * 3 })) {
      const value = (host ? item.person.handles[`${tool}:${host}`] : undefined) ?? item.person.handles[tool];
      const handle = Array.isArray(value) ? value[0] : value;
      if (!handle) continue; // nobody to mention on this tool
      const { id, name, team } = item.person;
      const time = workingTimeOf(item.person);
      found.push({ id, name, ...(team ? { team } : {}), handle, insert: picker ? name : handle, ...(time.timeZone ? { time } : {}) });
      if (found.length === limit) break;
    }
    return found;
  }
}
