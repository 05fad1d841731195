import type { DaylightDatabase } from '../db';
import type { ClassifiedSender } from '../messaging';
import type { PersonBrief } from '../people/resolver';
import { captureVerdict } from '../search/capture-rules';
import { importRecords, type ExportedRecord } from '../search/export';
import { discardStagedImports, importStagedPart, INTERRUPTED_IMPORT, type ImportPartOf } from '../search/import-staging';
import { compactIndex, ingestRecords, rebuildIndex, setRecordsArchived, type IncomingRecord } from '../search/index-store';
import type { CaptureRecord } from '../search/record';
import { isQuotaError, searchStatusItem, type SearchStatus } from '../search/status';
import type { Settings } from '../settings';
import type { ToolId } from '../tools/tool-ids';

type Resolve = (tool: ToolId, origin: string, handles: readonly string[]) => Promise<Record<string, PersonBrief>>;

/** Small segments are merged this long after the last capture, off the capture path. */
const COMPACT_DELAY_MS = 2_000;
/** Progress is written at most this often while the index is built. */
const PROGRESS_EVERY_MS = 250;

/**
 * Capture and the search index in the background: checks every capture against pause, exclusions
 * and incognito (again: the content script checks too, but the background is the authority),
 * resolves authors and mentions through the directory, stores, and keeps the index compact.
 * Writes are queued one after another, so a merge or a rebuild never races a capture.
 */
export function createSearchService(db: DaylightDatabase, resolve: Resolve, settings: () => Promise<Settings>) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  let compactTimer: ReturnType<typeof setTimeout> | undefined;
  const updateStatus = async (patch: Partial<SearchStatus>) => {
    const item = searchStatusItem();
    await item.setValue({ ...(await item.getValue()), ...patch });
  };

  async function withPeople(records: readonly CaptureRecord[]): Promise<IncomingRecord[]> {
    const byTool = new Map<string, { tool: ToolId; origin: string; handles: Set<string> }>();
    for (const record of records) {
      const origin = new URL(record.url).origin;
      const group = byTool.get(`${record.tool} ${origin}`) ?? { tool: record.tool, origin, handles: new Set<string>() };
      byTool.set(`${record.tool} ${origin}`, group);
      if (record.author) group.handles.add(record.author);
      for (const handle of record.mentions) group.handles.add(handle);
    }
    const known = new Map<string, Record<string, PersonBrief>>();
    for (const [key, group] of byTool) known.set(key, await resolve(group.tool, group.origin, [...group.handles]).catch(() => ({})));
    return records.map((record) => {
      const people = known.get(`${record.tool} ${new URL(record.url).origin}`) ?? {};
      const author = record.author ? people[record.author] : undefined;
      return {
        ...record,
        ...(author ? { authorId: author.id, authorName: author.name } : {}),
        mentionIds: [...new Set(record.mentions.map((h) => people[h]?.id).filter((id): id is string => id !== undefined))],
      };
    });
  }

  function scheduleCompaction(): void {
    clearTimeout(compactTimer);
    compactTimer = setTimeout(() => {
      void serial(async () => {
        while (await compactIndex(db));
      }).catch((error: unknown) => console.error('Daylight: merging search segments', error));
    }, COMPACT_DELAY_MS);
  }

  async function capture(request: { records: CaptureRecord[]; visit: boolean }, sender: ClassifiedSender): Promise<{ stored: number; skipped?: string }> {
    if (sender.kind === 'content' && sender.incognito) return { stored: 0, skipped: 'Nothing is captured from incognito windows.' };
    const effective = await settings();
    for (const url of new Set(request.records.map((r) => r.url))) {
      const verdict = captureVerdict(new URL(url), effective);
      if (!verdict.capture) return { stored: 0, skipped: verdict.reason };
    }
    const incoming = await withPeople(request.records);
    try {
      await serial(() => ingestRecords(db, incoming, request.visit));
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      // The transaction was rolled back as a whole: what was stored before is intact.
      const message = 'The disk is full (or the browser refused more space): new pages are not being captured. Everything captured before is kept.';
      await updateStatus({ storageFull: { at: Date.now(), message } });
      throw new Error(message);
    }
    if ((await searchStatusItem().getValue()).storageFull) await updateStatus({ storageFull: null });
    scheduleCompaction();
    return { stored: incoming.length };
  }

  async function rebuild(): Promise<{ records: number; ms: number }> {
    return serial(async () => {
      const started = performance.now();
      const startedAt = Date.now();
      let written = 0;
      const { records } = await rebuildIndex(db, (done, total) => {
        if (Date.now() - written < PROGRESS_EVERY_MS && done < total) return;
        written = Date.now();
        void updateStatus({ building: { done, total, startedAt } });
      });
      const ms = Math.round(performance.now() - started);
      await updateStatus({ building: null, stale: false, lastBuild: { records, ms, at: Date.now() } });
      return { records, ms };
    });
  }

  const interrupted = () => updateStatus({ importInterrupted: { at: Date.now(), message: INTERRUPTED_IMPORT } });

  /** One part of an import; with `of`, staged until its last part, then stored all at once (lib/search/import-staging.ts). */
  async function importPart(records: readonly ExportedRecord[], of?: ImportPartOf): Promise<{ added: number; updated: number }> {
    return serial(async () => {
      if (!of) {
        await updateStatus({ stale: true });
        return importRecords(db, records);
      }
      if (of.part === 0 && (await discardStagedImports(db, of.id))) await interrupted();
      if (of.part < of.parts - 1) return importStagedPart(db, records, of);
      await updateStatus({ stale: true });
      try {
        const result = await importStagedPart(db, records, of);
        await updateStatus({ importInterrupted: null });
        return result;
      } catch (error) {
        if (error instanceof Error && error.message === INTERRUPTED_IMPORT) await interrupted();
        throw error;
      }
    });
  }

  async function archive(keys: readonly string[], archived: boolean): Promise<{ changed: number }> {
    return { changed: await serial(() => setRecordsArchived(db, keys, archived)) };
  }

  /** On start: an import that was not indexed yet (the worker stopped mid-way) is indexed now. */
  async function resume(): Promise<void> {
    // No import is under way when the background starts: the parts of one cut off are dropped.
    if (await serial(() => discardStagedImports(db))) await interrupted();
    const status = await searchStatusItem().getValue();
    if (status.stale || status.building) await rebuild();
  }

  return { capture, rebuild, importPart, archive, resume };
}
