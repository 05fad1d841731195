import type { ToolId } from '../../../lib/tools/tool-ids';
import type { Tab } from './daylight-page';

/** Per tool: a misspelled word of the page, and of one message on it (with that message's permalink). */
export const FINDS: Record<ToolId, { page: string; message: string; permalink: string }> = {
  github: { page: 'checklsit handoff', message: 'infrastrcture', permalink: 'https://github.com/acme/open-handbook/issues/112#issuecomment-2481302210' },
  gitlab: { page: 'terrafrom', message: 'hygeine', permalink: 'https://gitlab.com/acme/platform/infra-tools/-/issues/31#note_2219022340' },
  slack: { page: 'genral', message: 'migraton ledger', permalink: 'https://acme.slack.com/archives/C0GENERAL01/p1795515309000200' },
  mattermost: { page: 'sqaure', message: 'afterwrds', permalink: 'https://acme.cloud.mattermost.com/acme/pl/cfb1dmtp3ruwzthpfgumbbj5dn' },
  asana: { page: 'tempalte', message: 'layuot', permalink: 'https://app.asana.com/1/1207000000000001/project/1207000000001001/task/1207000000002001#1207000000002001-cfb2c2dfd' },
  phabricator: { page: 'relase trian', message: 'shadowng', permalink: 'https://we.phorge.it/T1234#8810' },
  gitea: { page: 'registraton tokn', message: 'incomng', permalink: 'https://gitea.com/acme/tea-runner/issues/142#issuecomment-88006' },
};

/** The tool and key of every stored record, read from the extension's own database. */
export function storedRecords(page: Tab): Promise<Array<{ tool: string; key: string }>> {
  return page.evaluate(async () => {
    const open = indexedDB.open('daylight');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('searchChunks')) return [] as Array<{ tool: string; key: string }>;
    // Records are stored in chunks (lib/search/record-store.ts), each record as JSON.
    const chunks = await new Promise<Array<{ records: string[] }>>((resolve) => {
      const request = db.transaction('searchChunks').objectStore('searchChunks').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ records: string[] }>);
    });
    db.close();
    return chunks.flatMap((c) => c.records.map((r) => JSON.parse(r) as { tool: string; key: string }));
  });
}

/** The tools with records stored. */
export async function storedTools(page: Tab): Promise<string[]> {
  return [...new Set((await storedRecords(page)).map((r) => r.tool))].sort();
}

