import type { DaylightDatabase } from '../db';
import { importRecords, type ExportedRecord } from './export';

/** Which part of which import a message carries: the options page numbers them. */
export interface ImportPartOf {
  id: string;
  part: number;
  parts: number;
}

export const INTERRUPTED_IMPORT = 'A search import was interrupted (Options closed or Daylight restarted) before its last part: nothing of it was stored. Import the file again.';

/**
 * Store one part of a staged search import. Parts wait in `importStaging` until the last one
 * arrives; then every part is stored in one transaction with the staged rows' removal, so an
 * import cut off anywhere (Options closed, the background stopped, the commit itself aborted)
 * leaves all of its records stored or none. A last part whose earlier parts are missing (the
 * background discarded them on a restart) is refused: nothing is stored.
 */
export async function importStagedPart(
  db: DaylightDatabase,
  records: readonly ExportedRecord[],
  of: ImportPartOf,
): Promise<{ added: number; updated: number }> {
  if (of.part < of.parts - 1) {
    await db.importStaging.put({ importId: of.id, part: of.part, records: [...records], at: Date.now() });
    return { added: 0, updated: 0 };
  }
  return db.transaction('rw', db.importStaging, db.searchChunks, async () => {
    const staged = await db.importStaging.where('importId').equals(of.id).sortBy('part');
    if (staged.length !== of.parts - 1 || staged.some((row, i) => row.part !== i)) throw new Error(INTERRUPTED_IMPORT);
    const result = await importRecords(db, [...staged.flatMap((row) => row.records), ...records]);
    await db.importStaging.where('importId').equals(of.id).delete();
    return result;
  });
}

/**
 * Drop staged imports other than `keep` (a new import starting, or the background starting: no
 * import is under way then). Whether any was dropped, for the user to be told.
 */
export async function discardStagedImports(db: DaylightDatabase, keep?: string): Promise<boolean> {
  return db.transaction('rw', db.importStaging, async () => {
    const stale = (await db.importStaging.toCollection().primaryKeys()).filter(([id]) => id !== keep);
    await db.importStaging.bulkDelete(stale);
    return stale.length > 0;
  });
}
