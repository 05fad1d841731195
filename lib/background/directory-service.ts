import { browser } from 'wxt/browser';
import type { DaylightDatabase } from '../db';
import type { DirectorySync } from '../messaging';
import { loadPeople, replaceDirectory } from '../people/directory-store';
import { fetchDirectory } from '../people/fetch-directory';
import { directorySyncItem } from '../people/sync-status';
import { cardOf, DirectoryIndex, homesFrom, resolveHandles, type PersonBrief, type PersonCard, type ToolHomes } from '../people/resolver';
import { PeopleSuggester, type Suggestion } from '../people/suggest';
import type { Settings } from '../settings';
import { adapterFor } from '../tools/registry';
import type { ToolId } from '../tools/tool-ids';
import { onPatternHost } from '../tools/url';

export const SYNC_ALARM = 'directory-sync';


/**
 * The directory as the background serves it: an in-memory handle index rebuilt after each change,
 * and the organisation's directory URL fetched on install and on schedule. A failed fetch keeps the
 * previous directory and records the error.
 */
export function createDirectoryService(db: DaylightDatabase, onChange: () => void) {
  let index: Promise<DirectoryIndex> | undefined;
  let homes: Promise<ToolHomes> | undefined;
  let suggester: Promise<PeopleSuggester> | undefined;

  const currentIndex = () => (index ??= loadPeople(db).then((people) => new DirectoryIndex(people)));
  const currentHomes = () => (homes ??= db.pageReports.toArray().then(homesFrom));

  /** On the tool's SaaS host plain handles apply; elsewhere the instance's own (tool:host) come first. */
  const instanceHost = (tool: ToolId, origin: string) => {
    const url = new URL(origin);
    return onPatternHost(adapterFor(tool).matches, url) ? null : url.host;
  };

  async function suggest(tool: ToolId, origin: string, query: string): Promise<Suggestion[]> {
    const people = await (suggester ??= loadPeople(db).then((all) => new PeopleSuggester(all)));
    return people.suggest(query, tool, instanceHost(tool, origin));
  }

  async function resolve(tool: ToolId, origin: string, handles: readonly string[]): Promise<Record<string, PersonBrief>> {
    return resolveHandles(await currentIndex(), tool, instanceHost(tool, origin), handles);
  }

  async function card(id: string): Promise<PersonCard | null> {
    const [directory, where] = await Promise.all([currentIndex(), currentHomes()]);
    const person = directory.person(id);
    return person ? cardOf(person, where) : null;
  }

  async function sync(settings: Settings): Promise<DirectorySync> {
    const source = settings.directoryUrl;
    let status: DirectorySync;
    if (!source) {
      status = { at: Date.now(), ok: false, source: '', error: 'No directory URL is set.' };
    } else {
      const result = await fetchDirectory({ url: source, ...(settings.directoryToken ? { token: settings.directoryToken } : {}) }).catch(
        (error: unknown) => ({ ok: false as const, errors: [{ line: 0, message: error instanceof Error ? error.message : String(error) }] }),
      );
      if (result.ok) {
        await replaceDirectory(db, result.directory, `Directory URL ${source}`);
        directoryChanged();
        status = { at: Date.now(), ok: true, source, count: result.directory.people.length };
      } else {
        const first = result.errors.slice(0, 3).map((e) => (e.line > 0 ? `line ${e.line}: ${e.message}` : e.message));
        const more = result.errors.length > 3 ? ` (and ${result.errors.length - 3} more)` : '';
        status = { at: Date.now(), ok: false, source, error: `${first.join('; ')}${more}. The previous directory is kept.` };
      }
    }
    await directorySyncItem().setValue(status);
    return status;
  }

  /** Fetch now when a URL is set, and again every `directoryRefreshMinutes`. */
  async function schedule(settings: Settings, fetchNow: boolean): Promise<void> {
    await browser.alarms.clear(SYNC_ALARM);
    if (!settings.directoryUrl) return;
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: settings.directoryRefreshMinutes });
    if (fetchNow) await sync(settings);
  }

  function directoryChanged(): void {
    index = undefined;
    suggester = undefined;
    onChange();
  }

  function reportsChanged(): void {
    homes = undefined;
  }

  /** Today's name of each (person id, or tool and handle), or null: the ledger's names without the page loading the directory. */
  async function names(people: ReadonlyArray<{ personId: string | null; tool: ToolId; handle: string | null }>): Promise<Array<string | null>> {
    const directory = await currentIndex();
    return people.map(({ personId, tool, handle }) => ((personId ? directory.person(personId) : undefined) ?? (handle ? directory.lookup(tool, null, handle) : undefined))?.name ?? null);
  }

  return { resolve, card, suggest, names, sync, schedule, directoryChanged, reportsChanged };
}
