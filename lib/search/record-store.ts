import type { DaylightDatabase, SearchChunkRow, SearchRecordRow } from '../db';

/**
 * Where search records live. Chromium's IndexedDB costs about 0.2 ms per row written or looked up
 * by key, so a page of 200 messages stored as 200 rows spent most of its ingest there. Records are
 * stored in chunks of consecutive documents instead (a chunk's id is its first document's number;
 * record i of a chunk has doc id + i): a capture's records are a few rows. Chunks are small
 * (CHUNK_CHARS of JSON), so reading the 20 results a query shows costs about what 20 rows did
 * (measured in Chromium: 20 random reads of 4,000-character chunks about 0.1 ms more than of rows,
 * of 8,000-character ones about 0.6 ms more; a page of 200 messages is then about 30 rows instead of 201).
 * Each record is kept as JSON text: cloning one string is far cheaper than an object of a dozen
 * fields, and readers parse only the records they use. Records never move: a chunk is filled when
 * it is first written and later only updated in place; new records always go to new chunks.
 */

/** Records per chunk at most: the index keeps each document's place in its chunk in a byte. */
export const CHUNK_RECORDS = 64;
/** A new chunk takes records until their JSON reaches about this many characters. */
export const CHUNK_CHARS = 4_000;

export type NewRecord = Omit<SearchRecordRow, 'doc' | 'chunk'>;

/** The record as its chunk keeps it (without doc and chunk, which its place gives). */
export function encodeRecord(row: SearchRecordRow | NewRecord): string {
  const { doc: _doc, chunk: _chunk, ...stored } = row as SearchRecordRow;
  return JSON.stringify(stored);
}

export function recordAt(chunk: SearchChunkRow, slot: number): SearchRecordRow {
  const row = JSON.parse(chunk.records[slot]!) as SearchRecordRow;
  row.doc = chunk.id + slot;
  row.chunk = chunk.id;
  return row;
}

export function chunkRecords(chunk: SearchChunkRow): SearchRecordRow[] {
  return chunk.records.map((_, slot) => recordAt(chunk, slot));
}

/** Put a new version of the record in its slot, keeping the chunk's last seen and archived list right. */
export function replaceRecord(chunk: SearchChunkRow, row: SearchRecordRow): void {
  const slot = row.doc - chunk.id;
  chunk.records[slot] = encodeRecord(row);
  chunk.lastSeen = Math.max(chunk.lastSeen, row.lastSeen);
  chunk.archived = chunk.archived.filter(([, doc]) => doc !== row.doc);
  if (row.archivedAt !== undefined) chunk.archived.push([row.archivedAt, row.doc]);
}

/**
 * Pack records, in ascending doc order, into chunks of consecutive documents (a gap in the numbers
 * starts a new chunk), each at most CHUNK_RECORDS records and about CHUNK_CHARS of JSON. Sets each
 * record's `chunk`.
 */
export function chunkStoredRecords(rows: readonly SearchRecordRow[], maxChars = CHUNK_CHARS): SearchChunkRow[] {
  const chunks: SearchChunkRow[] = [];
  let current: SearchChunkRow | null = null;
  let chars = 0;
  for (const row of rows) {
    const text = encodeRecord(row);
    const full = current !== null && (current.records.length >= CHUNK_RECORDS || (chars > 0 && chars + text.length > maxChars));
    if (current === null || full || row.doc !== current.id + current.records.length) {
      current = { id: row.doc, keys: [], records: [], lastSeen: row.lastSeen, archived: [] };
      chunks.push(current);
      chars = 0;
    }
    current.keys.push(row.key);
    current.records.push(text);
    chars += text.length;
    current.lastSeen = Math.max(current.lastSeen, row.lastSeen);
    if (row.archivedAt !== undefined) current.archived.push([row.archivedAt, row.doc]);
    row.chunk = current.id;
  }
  return chunks;
}

/** Number new records from the next free document on, and pack them into new chunks. */
export async function placeNewRecords(db: DaylightDatabase, records: readonly NewRecord[]): Promise<{ rows: SearchRecordRow[]; chunks: SearchChunkRow[] }> {
  const last = await db.searchChunks.orderBy('id').last();
  let next = last === undefined ? 1 : last.id + last.records.length;
  const rows = records.map((record) => ({ ...record, doc: next++, chunk: 0 }));
  return { rows, chunks: chunkStoredRecords(rows) };
}

export interface StoredRecords {
  /** The stored records found, by key. */
  byKey: Map<string, SearchRecordRow>;
  /** Their chunks, by id (update them with replaceRecord, then write them back). */
  chunks: Map<number, SearchChunkRow>;
}

/** Index entries a key range may hold beyond the keys asked for, before the range is given up for lookups key by key. */
const RANGE_SLACK = 64;

/** Characters up to and including the key's last `/`, `#` or `?`: the part its neighbours share. */
function stemLength(key: string): number {
  for (let i = key.length - 1; i >= 0; i -= 1) if (key[i] === '/' || key[i] === '#' || key[i] === '?') return i + 1;
  return 0;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/**
 * Sorted keys in runs of near neighbours (a page and its posts' permalinks, a channel's messages):
 * each run is looked up as one key range.
 */
export function keyRuns(sorted: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (const key of sorted) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run !== undefined && previous !== undefined && sharedPrefix(previous, key) >= stemLength(previous)) run.push(key);
    else runs.push([key]);
  }
  return runs;
}

/**
 * The stored records with these keys, and their chunks. Looked up by range over the key index (one
 * request per run of neighbouring keys, instead of one per key); a range that holds many other
 * keys is looked up key by key.
 */
export async function findRecords(db: DaylightDatabase, keys: Iterable<string>): Promise<StoredRecords> {
  const wanted = new Set(keys);
  const ids = new Set<number>();
  await Promise.all(
    keyRuns([...wanted].sort()).map(async (run) => {
      const limit = 2 * run.length + RANGE_SLACK;
      const found = await db.searchChunks.where('keys').between(run[0]!, run.at(-1)!, true, true).limit(limit).primaryKeys();
      const exact = found.length < limit ? found : (await Promise.all(run.map((key) => db.searchChunks.where('keys').equals(key).primaryKeys()))).flat();
      for (const id of exact) ids.add(id);
    }),
  );
  const byKey = new Map<string, SearchRecordRow>();
  const chunks = new Map<number, SearchChunkRow>();
  for (const chunk of await db.searchChunks.bulkGet([...ids])) {
    if (chunk === undefined) continue;
    chunk.keys.forEach((key, slot) => {
      if (!wanted.has(key)) return;
      byKey.set(key, recordAt(chunk, slot));
      chunks.set(chunk.id, chunk);
    });
  }
  return { byKey, chunks };
}

/** The records at these places (from the index: doc and chunk), in order; undefined where none is stored. */
export async function readRecords(db: DaylightDatabase, refs: ReadonlyArray<{ doc: number; chunk: number }>): Promise<Array<SearchRecordRow | undefined>> {
  const ids = [...new Set(refs.map((r) => r.chunk))];
  const chunks = new Map<number, SearchChunkRow>();
  (await db.searchChunks.bulkGet(ids)).forEach((chunk, i) => chunk && chunks.set(ids[i]!, chunk));
  return refs.map(({ doc, chunk: id }) => {
    const chunk = chunks.get(id);
    const slot = doc - id;
    return chunk !== undefined && slot >= 0 && slot < chunk.records.length ? recordAt(chunk, slot) : undefined;
  });
}

/** Chunks read first for the newest records (a page's capture is one to a few chunks). */
const NEWEST_FIRST_CHUNKS = 32;

/** How many records are stored (the key index has one entry per record). */
export function countRecords(db: DaylightDatabase): Promise<number> {
  return db.searchChunks.orderBy('keys').count();
}

/**
 * The records seen last that `keep` accepts, newest first (ties: the newer document first). The
 * newest chunks are found on the last-seen index without reading them (a key cursor), then read
 * together; more are read, four times as many each time, until no unread chunk can hold a newer one.
 */
export async function newestRecords(db: DaylightDatabase, count: number, keep: (row: SearchRecordRow) => boolean): Promise<SearchRecordRow[]> {
  const found: SearchRecordRow[] = [];
  let read = 0;
  for (let batch = NEWEST_FIRST_CHUNKS; ; batch *= 4) {
    const ids: number[] = [];
    // A chunk not read yet holds nothing seen after the last chunk read.
    let bound = -Infinity;
    await db.searchChunks
      .orderBy('lastSeen')
      .reverse()
      .offset(read)
      .limit(batch)
      .eachKey((lastSeen, cursor) => {
        ids.push(cursor.primaryKey as number);
        bound = lastSeen as number;
      });
    read += ids.length;
    for (const chunk of await db.searchChunks.bulkGet(ids)) if (chunk) for (const row of chunkRecords(chunk)) if (keep(row)) found.push(row);
    if (ids.length < batch || found.filter((r) => r.lastSeen > bound).length >= count) break;
  }
  return found.sort((a, b) => b.lastSeen - a.lastSeen || b.doc - a.doc).slice(0, count);
}

/** How many records are archived. */
export function countArchived(db: DaylightDatabase): Promise<number> {
  return db.searchChunks.orderBy('archived').count();
}

/** The records archived last, newest first. */
export async function newestArchived(db: DaylightDatabase, limit: number): Promise<SearchRecordRow[]> {
  const refs: Array<{ doc: number; chunk: number }> = [];
  await db.searchChunks
    .orderBy('archived')
    .reverse()
    .limit(limit)
    .eachKey((key, cursor) => refs.push({ doc: (key as [number, number])[1], chunk: cursor.primaryKey as number }));
  return (await readRecords(db, refs)).filter((r): r is SearchRecordRow => r !== undefined);
}

/** Every record, in chunks of about `chunks` rows at a time (in document order). */
export async function eachRecordBatch(db: DaylightDatabase, chunks: number, visit: (rows: SearchRecordRow[]) => void): Promise<void> {
  let after = 0;
  for (;;) {
    const batch = await db.searchChunks.where('id').above(after).limit(chunks).toArray();
    if (batch.length === 0) return;
    visit(batch.flatMap(chunkRecords));
    after = batch.at(-1)!.id;
  }
}
