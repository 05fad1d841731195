import type { DaylightDatabase, SearchPostingRow, SearchSegmentRow } from '../db';
import type { Segment, StoredSegment } from './segment';

/**
 * A big segment's postings kept outside the segment, in blocks of consecutive terms (the
 * searchPostings table), so that the popup reads only the blocks of the terms a query matched: at
 * a million records the postings are most of the index, and no reader has to hold them all.
 * Small segments (every capture's, the recently seen tier) keep theirs inline.
 */

/**
 * Which segments keep their postings outside (those of at least `externalMin` documents) and how
 * they are cut: a block takes terms until it holds about `blockPostings` postings (a term with
 * more is a block alone).
 */
export interface PostingLayout {
  externalMin: number;
  blockPostings: number;
}

export const POSTING_LAYOUT: PostingLayout = { externalMin: 20_000, blockPostings: 16_384 };
/** Postings blocks a reader keeps between queries, in bytes (blocks used least recently go first). */
export const HELD_BLOCK_BYTES = 48 * 1024 * 1024;

/** The segment row to store, and its postings rows when it is big enough to keep them outside. */
export function segmentWrite(id: number, data: StoredSegment, layout = POSTING_LAYOUT): { segment: SearchSegmentRow; postings: SearchPostingRow[] } {
  const size = data.docs.length;
  if (size < layout.externalMin || data.external !== undefined) return { segment: { id, size, data }, postings: [] };
  const { offsets } = data;
  const terms = offsets.length - 1;
  const firsts: number[] = [];
  const postings: SearchPostingRow[] = [];
  for (let t = 0; t < terms; ) {
    const first = t;
    do t += 1;
    while (t < terms && offsets[t + 1]! - offsets[first]! <= layout.blockPostings);
    firsts.push(first);
    postings.push({ segment: id, block: postings.length, postings: data.postings.slice(offsets[first]!, offsets[t]!) });
  }
  firsts.push(terms);
  const external = { key: id, blocks: Uint32Array.from(firsts) };
  return { segment: { id, size, data: { ...data, postings: new Uint32Array(0), external } }, postings };
}

/** Store segments (and their postings rows), replacing any postings rows stored under their ids. */
export async function putSegments(db: DaylightDatabase, writes: ReadonlyArray<ReturnType<typeof segmentWrite>>): Promise<void> {
  await deletePostings(db, writes.map((w) => w.segment.id));
  await db.searchSegments.bulkPut(writes.map((w) => w.segment));
  await db.searchPostings.bulkPut(writes.flatMap((w) => w.postings));
}

/** Remove the postings rows of these segments. */
export async function deletePostings(db: DaylightDatabase, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.searchPostings.where('segment').anyOf(ids).delete();
}

/** The segment with its postings inline again (for merging, which reads every posting). */
export async function withPostings(db: DaylightDatabase, data: StoredSegment): Promise<StoredSegment> {
  if (data.external === undefined) return data;
  const { key, blocks } = data.external;
  const rows = await db.searchPostings.where('segment').equals(key).sortBy('block');
  if (rows.length !== blocks.length - 1 || rows.some((r, i) => r.block !== i)) throw new Error(`Search segment ${key} is missing postings blocks: rebuild the index.`);
  const postings = new Uint32Array(data.offsets[data.offsets.length - 1]!);
  let at = 0;
  for (const row of rows) {
    postings.set(row.postings, at);
    at += row.postings.length;
  }
  const { external: _external, ...inline } = data;
  return { ...inline, postings };
}

/** Read the blocks a query needs into the segments that keep postings outside. */
export async function readBlocks(db: DaylightDatabase, wanted: ReadonlyArray<{ segment: Segment; blocks: number[] }>): Promise<void> {
  await Promise.all(
    wanted.map(async ({ segment, blocks }) => {
      if (blocks.length === 0) return;
      const key = segment.external!.key;
      const rows = await db.searchPostings.bulkGet(blocks.map((block) => [key, block] as [number, number]));
      const read = rows.map((row, i): [number, Uint32Array] => {
        if (row === undefined) throw new Error(`Search segment ${key} is missing postings block ${blocks[i]}: rebuild the index.`);
        return [blocks[i]!, row.postings];
      });
      segment.holdBlocks(read, HELD_BLOCK_BYTES);
    }),
  );
}
