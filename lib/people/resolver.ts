import type { PageReportRecord, StoredPerson } from '../db';
import type { ToolHome } from '../tools/facts';
import { factsOf, TOOL_IDS, type ToolId } from '../tools/tool-ids';
import { normalHandle } from './schema';
import { workingTimeOf, type WorkingTime } from './working-time';

/** A link to the person's profile on one tool (null where Daylight cannot know the address). */
export interface ProfileLink {
  tool: ToolId;
  /** The handle key: a tool id, or `tool:host` for a self-hosted instance. */
  key: string;
  handle: string;
  url: string | null;
}

/** What a person card shows. */
export interface PersonCard {
  id: string;
  name: string;
  email?: string;
  team?: string;
  title?: string;
  profiles: ProfileLink[];
  /** Where and when they work, for their local time (lib/people/working-time.ts). */
  time?: WorkingTime;
}

/** Where each tool lives for this user: its last visited origin, and the workspace in its path. */
export type ToolHomes = Partial<Record<ToolId, ToolHome>>;

/** The newest page report of each tool says where that tool lives for this user. */
export function homesFrom(reports: readonly PageReportRecord[]): ToolHomes {
  const homes: ToolHomes = {};
  const newestFirst = [...reports].sort((a, b) => b.at - a.at);
  for (const report of newestFirst) if (report.detected && !homes[report.tool]) homes[report.tool] = { origin: report.origin, path: report.path };
  return homes;
}

/** Profile address of a handle on a tool, following the tool's URL scheme (its facts' `profileUrl`; see docs/features.md, "Person cards"). */
export function profileUrl(key: string, handle: string, homes: ToolHomes): string | null {
  const [tool, host] = key.split(/:(.*)/s) as [ToolId, string | undefined];
  const facts = factsOf(tool);
  return facts ? facts.profileUrl(encodeURIComponent(handle), host ? `https://${host}` : undefined, homes[tool]) : null;
}

/** Every handle of a person as profile links, in contract tool order. */
export function cardOf(person: StoredPerson, homes: ToolHomes): PersonCard {
  const order = (key: string) => TOOL_IDS.indexOf(key.split(':')[0] as ToolId);
  const profiles = Object.entries(person.handles)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((handle) => ({
        tool: key.split(':')[0] as ToolId,
        key,
        handle,
        url: profileUrl(key, handle, homes),
      })),
    );
  const { id, name, email, team, title } = person;
  const time = workingTimeOf(person);
  return { id, name, ...(email ? { email } : {}), ...(team ? { team } : {}), ...(title ? { title } : {}), profiles, ...(time.timeZone ? { time } : {}) };
}

/**
 * The directory as a handle index, for resolving mentions. A self-hosted instance's own handles
 * (`gitlab:gitlab.acme.internal`) win there; otherwise the tool's plain handle applies, because
 * most organisations use one username everywhere.
 */
export class DirectoryIndex {
  private readonly byId = new Map<string, StoredPerson>();
  /** Tool key (`gitlab`, `gitlab:gitlab.acme.internal`) → normalised handle → person. */
  private readonly byTool = new Map<string, Map<string, StoredPerson>>();

  constructor(people: readonly StoredPerson[]) {
    for (const person of people) {
      if (person.archivedAt !== undefined) continue;
      this.byId.set(person.id, person);
      for (const [key, value] of Object.entries(person.handles)) {
        let handles = this.byTool.get(key);
        if (!handles) this.byTool.set(key, (handles = new Map()));
        const tool = key.split(':')[0] as ToolId;
        // On a duplicate handle the first person keeps it; the options page shows the conflict.
        for (const handle of Array.isArray(value) ? value : [value]) {
          const normal = normalHandle(tool, handle);
          if (!handles.has(normal)) handles.set(normal, person);
        }
      }
    }
  }

  person(id: string): StoredPerson | undefined {
    return this.byId.get(id);
  }

  lookup(tool: ToolId, host: string | null, handle: string): StoredPerson | undefined {
    // Thousands of lookups per page: nested maps, no key strings built.
    const normal = normalHandle(tool, handle);
    if (host) {
      const hosted = this.byTool.get(`${tool}:${host}`)?.get(normal);
      if (hosted) return hosted;
    }
    return this.byTool.get(tool)?.get(normal);
  }
}

/** Who a handle is, as a page needs it to mark mentions and name authors; the card comes on demand. */
export interface PersonBrief {
  id: string;
  name: string;
}

/**
 * Who the handles found on a page are. Pages repeat handles (a busy thread names the same few
 * people hundreds of times), so each distinct handle is looked up once.
 */
export function resolveHandles(index: DirectoryIndex, tool: ToolId, host: string | null, handles: readonly string[]): Record<string, PersonBrief> {
  const people: Record<string, PersonBrief> = {};
  for (const handle of new Set(handles)) {
    const person = index.lookup(tool, host, handle);
    if (person) people[handle] = { id: person.id, name: person.name };
  }
  return people;
}
