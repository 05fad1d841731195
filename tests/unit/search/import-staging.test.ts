import { describe, expect, it } from 'vitest';
import { freshDatabases } from './fresh-database';
import { createSearchService } from '@/lib/background/search-service';
import type { DaylightDatabase, SearchRecordRow } from '@/lib/db';
import { exportedRecord, type ExportedRecord } from '@/lib/search/export';
import { INTERRUPTED_IMPORT } from '@/lib/search/import-staging';
import { countRecords } from '@/lib/search/record-store';
import { searchStatusItem } from '@/lib/search/status';
import { DEFAULT_SETTINGS } from '@/lib/settings-defaults';

const fresh = freshDatabases('import-staging-test');

function record(n: number): ExportedRecord {
  const row: SearchRecordRow = {
    doc: n, chunk: 0, key: `https://github.com/acme/x/issues/${n}`, type: 'page', tool: 'github', kind: 'issue', place: 'public', private: false, container: 'acme/x',
    title: `Issue ${n}`, text: `words of issue ${n}`, author: null, participants: [], mentions: [], mentionIds: [], time: null, url: `https://github.com/acme/x/issues/${n}`,
    firstSeen: 1, lastSeen: 1 + n, timesSeen: 1,
  };
  return exportedRecord(row);
}
const parts = [0, 1, 2].map((p) => Array.from({ length: 40 }, (_, i) => record(p * 40 + i)));
/** The background as it starts on `db` (again, after a restart). */
const background = (db: DaylightDatabase) => createSearchService(db, () => Promise.resolve({}), () => Promise.resolve(DEFAULT_SETTINGS));

describe('a search import in parts', () => {
  it('stores nothing until its last part, then every record at once', async () => {
    const db = fresh();
    const search = background(db);
    const of = (part: number) => ({ id: 'import-1', part, parts: 3 });
    expect(await search.importPart(parts[0]!, of(0))).toEqual({ added: 0, updated: 0 });
    await search.importPart(parts[1]!, of(1));
    expect(await countRecords(db)).toBe(0);
    expect(await search.importPart(parts[2]!, of(2))).toEqual({ added: 120, updated: 0 });
    expect(await countRecords(db)).toBe(120);
    expect(await db.importStaging.count()).toBe(0);
    expect((await searchStatusItem().getValue()).importInterrupted ?? null).toBeNull();
  });

  it('cut off by Options closing: nothing stored, and the next start says so; a late last part stores nothing either', async () => {
    const db = fresh();
    const of = (part: number) => ({ id: 'import-2', part, parts: 3 });
    await background(db).importPart(parts[0]!, of(0));
    await background(db).importPart(parts[1]!, of(1));
    const restarted = background(db);
    await restarted.resume();
    expect(await countRecords(db)).toBe(0);
    expect(await db.importStaging.count()).toBe(0);
    expect((await searchStatusItem().getValue()).importInterrupted?.message).toBe(INTERRUPTED_IMPORT);
    await expect(restarted.importPart(parts[2]!, of(2))).rejects.toThrow(INTERRUPTED_IMPORT);
    expect(await countRecords(db)).toBe(0);
  });

  it('cut off while storing the last part (the worker stopped mid-transaction): nothing stored, and the next import says so', async () => {
    const db = fresh();
    const search = background(db);
    const of = (part: number) => ({ id: 'import-3', part, parts: 3 });
    await search.importPart(parts[0]!, of(0));
    await search.importPart(parts[1]!, of(1));
    let written = 0;
    const stop = () => {
      written += 1;
      if (written > 1) throw new Error('The service worker stopped');
    };
    db.searchChunks.hook('creating', stop);
    await expect(search.importPart(parts[2]!, of(2))).rejects.toThrow('The service worker stopped');
    db.searchChunks.hook('creating').unsubscribe(stop);
    expect(await countRecords(db)).toBe(0);
    // Imported again from the start: the cut-off import's parts are dropped, the user told, and this one stored whole.
    const again = (part: number) => ({ id: 'import-4', part, parts: 3 });
    await search.importPart(parts[0]!, again(0));
    expect((await searchStatusItem().getValue()).importInterrupted?.message).toBe(INTERRUPTED_IMPORT);
    await search.importPart(parts[1]!, again(1));
    await search.importPart(parts[2]!, again(2));
    expect(await countRecords(db)).toBe(120);
    expect((await searchStatusItem().getValue()).importInterrupted ?? null).toBeNull();
  });
});
