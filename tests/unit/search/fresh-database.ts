import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { openDatabase, type DaylightDatabase } from '@/lib/db';

/**
 * `fresh()` opens a new, empty database named after `prefix`; every database a test opened is
 * closed and deleted after it. Call once at the top of a test file.
 */
export function freshDatabases(prefix: string): () => DaylightDatabase {
  let n = 0;
  const dbs: DaylightDatabase[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return () => {
    const db = openDatabase(`${prefix}-${n++}`);
    dbs.push(db);
    return db;
  };
}
