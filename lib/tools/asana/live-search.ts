import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import { checkAnswer, checkStatus, linkOnOrigin, plainText, timeOf, type LiveContext, type LiveItem, type LiveQuery, type LiveSource } from '../../search/live/source';

/**
 * Asana's documented API with the `ticket` session cookie (as Asana's own example extension does):
 * full-text `GET /api/1.0/workspaces/{gid}/tasks/search` where the plan has it, and the workspace
 * typeahead on every plan; a 402 (no premium search) switches that workspace to the typeahead for
 * the worker's life (README.md, "Cross-tool search").
 */
const FIELDS = 'name,notes,permalink_url,created_by.name,modified_at,created_at';
const HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-Allow-Asana-Client': '1' };

const meSchema = lazy(() => z.object({ data: z.object({ workspaces: z.array(z.object({ gid: z.string(), name: z.optional(z.string()) })) }) }));
const tasksSchema = lazy(() =>
  z.object({
    data: z.array(
      z.object({
        gid: z.string(),
        name: z.string(),
        notes: z.optional(z.nullable(z.string())),
        permalink_url: z.optional(z.nullable(z.string())),
        created_by: z.optional(z.nullable(z.object({ gid: z.string(), name: z.optional(z.nullable(z.string())) }))),
        modified_at: z.optional(z.nullable(z.string())),
        created_at: z.optional(z.nullable(z.string())),
      }),
    ),
  }),
);
type Workspace = z.infer<ReturnType<typeof meSchema>>['data']['workspaces'][number];

async function workspaces(context: LiveContext): Promise<Workspace[]> {
  const known = context.memory.get('workspaces') as Workspace[] | undefined;
  if (known) return known;
  const response = checkStatus(await context.fetch('/api/1.0/users/me?opt_fields=workspaces.name&opt_client_name=daylight', { headers: HEADERS }), 'Asana');
  const fresh = (await checkAnswer(response, meSchema(), 'Asana')).data.workspaces;
  context.memory.set('workspaces', fresh);
  return fresh;
}

function searchPath(workspace: string, query: LiveQuery): string {
  const params = new URLSearchParams({ text: query.text, sort_by: 'modified_at', opt_fields: FIELDS, opt_client_name: 'daylight' });
  if (query.from.length > 0) params.set('created_by.any', query.from.join(','));
  if (query.after !== null) params.set('modified_at.after', new Date(query.after).toISOString());
  if (query.before !== null) params.set('modified_at.before', new Date(query.before).toISOString());
  return `/api/1.0/workspaces/${encodeURIComponent(workspace)}/tasks/search?${params}`;
}

function typeaheadPath(workspace: string, query: LiveQuery): string {
  const params = new URLSearchParams({ resource_type: 'task', query: query.text, count: String(query.limit), opt_fields: FIELDS, opt_client_name: 'daylight' });
  return `/api/1.0/workspaces/${encodeURIComponent(workspace)}/typeahead?${params}`;
}

/** The task gid in an Asana task address (old `/0/<project>/<task>` and new `/1/<ws>/…/task/<task>` forms). */
export function asanaTaskGid(url: URL): string | null {
  return /\/task\/(\d+)/.exec(url.pathname)?.[1] ?? /^\/0\/\d+\/(\d+)/.exec(url.pathname)?.[1] ?? null;
}

export const asanaLiveSource: LiveSource = {
  tool: 'asana',
  saasOrigins: ['https://app.asana.com'],
  onByDefault: true,
  // Search API: 60 per minute; the typeahead shares the 150 per minute of free domains.
  perMinute: 15,
  signInPath: '/-/login',
  itemKey: (url) => {
    const gid = asanaTaskGid(url);
    return gid === null ? null : `asana task ${gid}${url.hash}`;
  },
  async search(context, query) {
    const from = new Set(query.from);
    const items: LiveItem[] = [];
    for (const workspace of await workspaces(context)) {
      const premium = context.memory.get(`search ${workspace.gid}`) !== false;
      let response = premium ? await context.fetch(searchPath(workspace.gid, query), { headers: HEADERS }) : null;
      if (response?.status === 402) {
        context.memory.set(`search ${workspace.gid}`, false);
        response = null;
      }
      response ??= await context.fetch(typeaheadPath(workspace.gid, query), { headers: HEADERS });
      for (const task of (await checkAnswer(checkStatus(response, 'Asana'), tasksSchema(), 'Asana')).data.slice(0, query.limit)) {
        // The typeahead has no author filter: checked here (tasks/search applied `created_by.any`).
        if (from.size > 0 && !from.has(task.created_by?.gid ?? '')) continue;
        const url = linkOnOrigin(task.permalink_url ?? `/0/0/${task.gid}`, context.origin);
        if (url === null) continue;
        items.push({
          tool: 'asana',
          url,
          title: plainText(task.name),
          snippet: plainText(task.notes ?? ''),
          author: task.created_by ? { handle: task.created_by.gid, name: task.created_by.name ?? '' } : null,
          time: timeOf(task.modified_at ?? task.created_at),
          kind: 'task',
          private: null,
          container: workspace.name ?? '',
        });
      }
    }
    return items;
  },
};
