import type { DaylightDatabase, SearchRecordRow } from '../db';
import type { CaptureRecord } from './record';
import { countRecords, eachRecordBatch, findRecords, newestRecords, placeNewRecords, replaceRecord, type NewRecord } from './record-store';
import { deletePostings, POSTING_LAYOUT, putSegments, segmentWrite, withPostings } from './posting-blocks';
import { mergeSegments, readableSegment, Segment, SegmentBuilder } from './segment';
import { indexChanged, indexedDoc } from './stored-record';

/**
 * Writing the search index (background only): records are upserted by key and the ones whose
 * indexed content changed go into a new small segment in the same transaction, so the index is
 * never behind the records; small segments are merged later, off the capture path.
 */

/** What the background learned about a record's people from the directory. */
export interface ResolvedPeople {
  authorId?: string;
  authorName?: string;
  mentionIds: string[];
}

export type IncomingRecord = CaptureRecord & ResolvedPeople;

/** Segments beyond this many are merged. */
export const MAX_SEGMENTS = 8;
/** Record chunks read per step when the index is rebuilt from scratch. */
export const REBUILD_CHUNKS = 250;

async function nextSegmentId(db: DaylightDatabase): Promise<number> {
  const last = await db.searchSegments.orderBy('id').lastKey();
  return last === undefined ? 1 : Number(last) + 1;
}

/**
 * Store what a page showed. `visit` is true for the first capture of a visit (later ones in the
 * same visit are the page changing): it counts a time seen. Returns how many records were new.
 */
export async function ingestRecords(db: DaylightDatabase, incoming: readonly IncomingRecord[], visit: boolean, now = Date.now()): Promise<{ added: number; updated: number }> {
  const latest = new Map<string, IncomingRecord>();
  for (const record of incoming) latest.set(record.key, record);
  let added = 0;
  await db.transaction('rw', db.searchChunks, db.searchSegments, async () => {
    const stored = await findRecords(db, latest.keys());
    const fresh: NewRecord[] = [];
    const reindex: SearchRecordRow[] = [];
    for (const record of latest.values()) {
      const old = stored.byKey.get(record.key);
      const { authorId, authorName, mentionIds, ...capture } = record;
      const row: NewRecord = {
        ...capture,
        ...(authorId === undefined ? {} : { authorId }),
        ...(authorName === undefined ? {} : { authorName }),
        mentionIds,
        private: record.place === 'private',
        firstSeen: old?.firstSeen ?? now,
        lastSeen: now,
        timesSeen: (old?.timesSeen ?? 0) + (old === undefined || visit ? 1 : 0),
        ...(old?.archivedAt === undefined ? {} : { archivedAt: old.archivedAt }),
      };
      if (old === undefined) {
        fresh.push(row);
        continue;
      }
      const updated = { ...row, doc: old.doc, chunk: old.chunk };
      replaceRecord(stored.chunks.get(old.chunk)!, updated);
      // A page's own record is filed again on each visit, so its recency stays current.
      if (indexChanged(old, updated) || (visit && updated.type === 'page')) reindex.push(updated);
    }
    added = fresh.length;
    const placed = await placeNewRecords(db, fresh);
    reindex.push(...placed.rows);
    await db.searchChunks.bulkPut([...stored.chunks.values(), ...placed.chunks]);
    if (reindex.length > 0) {
      const builder = new SegmentBuilder();
      for (const row of reindex) builder.add(indexedDoc(row));
      // A capture's segment is small: its postings stay inline (posting-blocks.ts).
      await db.searchSegments.put({ id: await nextSegmentId(db), size: builder.size, data: builder.build() });
    }
  });
  return { added, updated: latest.size - added };
}

/**
 * The newest documents (by last seen) live in a small segment of their own, newer than the big one
 * that holds everything older: the popup reads the small segments first and answers from them while
 * the big one loads. The oldest segment (lowest id) is the big one whenever there are two or more.
 */
export const RECENT_DOCS = 5_000;

/** The documents most recently seen, across segments (each document's newest entry counts). */
function recentDocs(newestFirst: readonly Segment[], count: number): Set<number> {
  const seen = new Map<number, number>();
  for (const segment of newestFirst) segment.docs.forEach((doc, local) => !seen.has(doc) && seen.set(doc, segment.seen[local]!));
  return new Set([...seen].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, count).map(([doc]) => doc));
}

/**
 * Merge small segments once there are too many: everything but the big oldest one together, and
 * when that has outgrown the recent tier, everything again into the big one and a recent one.
 * Returns true when something was merged. A segment in a format this code cannot read (segment.ts
 * SEGMENT_FORMAT) cannot be merged: the index is rebuilt from the records instead.
 */
export async function compactIndex(db: DaylightDatabase, recentSize = RECENT_DOCS, layout = POSTING_LAYOUT): Promise<boolean> {
  const rows = await db.searchSegments.orderBy('id').toArray();
  if (rows.some((r) => readableSegment(r.data) === null)) {
    await rebuildIndex(db, undefined, recentSize, layout);
    return false;
  }
  if (rows.length <= MAX_SEGMENTS) return false;
  const segments = await Promise.all(rows.map(async (r) => new Segment(await withPostings(db, r.data))));
  const newest = rows.at(-1)!.id;
  let replaced = rows.slice(1);
  let replacement: Array<ReturnType<typeof segmentWrite>>;
  if (replaced.reduce((n, r) => n + r.size, 0) <= 2 * recentSize) {
    replacement = [segmentWrite(newest, mergeSegments(segments.slice(1)), layout)];
  } else {
    replaced = rows;
    const recent = recentDocs([...segments].reverse(), recentSize);
    const older = mergeSegments(segments, (doc) => recent.has(doc));
    const newer = mergeSegments(segments, (doc) => !recent.has(doc));
    replacement = [segmentWrite(rows[0]!.id, older, layout), segmentWrite(newest, newer, layout)];
  }
  await db.transaction('rw', db.searchSegments, db.searchPostings, async () => {
    // Segments captured meanwhile have higher ids and are left alone.
    const ids = replaced.map((r) => r.id);
    await db.searchSegments.bulkDelete(ids);
    await deletePostings(db, ids);
    await putSegments(db, replacement);
  });
  return true;
}

/**
 * Build the whole index again from the stored records (after an import, or when it is missing),
 * reporting progress. Captures that arrive meanwhile keep their newer segments.
 */
export async function rebuildIndex(db: DaylightDatabase, progress: (done: number, total: number) => void = () => undefined, recentSize = RECENT_DOCS, layout = POSTING_LAYOUT): Promise<{ records: number }> {
  const startedBelow = await nextSegmentId(db);
  const total = await countRecords(db);
  const recent = new Set((await newestRecords(db, recentSize, () => true)).map((r) => r.doc));
  const older = new SegmentBuilder();
  const newer = new SegmentBuilder();
  let done = 0;
  progress(0, total);
  await eachRecordBatch(db, REBUILD_CHUNKS, (batch) => {
    for (const row of batch) (recent.has(row.doc) ? newer : older).add(indexedDoc(row));
    done += batch.length;
    progress(done, Math.max(total, done));
  });
  const built = [older, newer].filter((b) => b.size > 0);
  // Below the captures that may arrive meanwhile: the big segment first (oldest), then the recent one.
  const writes = built.map((b, i) => segmentWrite(startedBelow - built.length + i, b.build(), layout));
  await db.transaction('rw', db.searchSegments, db.searchPostings, async () => {
    await db.searchSegments.where('id').below(startedBelow).delete();
    await db.searchPostings.where('segment').below(startedBelow).delete();
    await putSegments(db, writes);
  });
  return { records: done };
}

/** Archive (hide from results) or restore records; nothing is deleted. */
export async function setRecordsArchived(db: DaylightDatabase, keys: readonly string[], archived: boolean, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.searchChunks, async () => {
    const stored = await findRecords(db, keys);
    const changed = [...stored.byKey.values()].filter((r) => (r.archivedAt !== undefined) !== archived);
    const touched = new Set<number>();
    for (const row of changed) {
      if (archived) row.archivedAt = now;
      else delete row.archivedAt;
      replaceRecord(stored.chunks.get(row.chunk)!, row);
      touched.add(row.chunk);
    }
    await db.searchChunks.bulkPut([...touched].map((id) => stored.chunks.get(id)!));
    return changed.length;
  });
}
