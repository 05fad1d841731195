import * as z from 'zod/mini';
import { toolLink, type SelfHostedOrigins } from '../tools/links';
import type { DaylightDatabase, SearchRecordRow } from '../db';
import { lazy } from '../lazy';
import { captureRecordSchema } from './record';
import { eachRecordBatch, findRecords, placeNewRecords, replaceRecord, type NewRecord } from './record-store';

/** Record chunks read at a time while exporting. */
const EXPORT_CHUNKS = 500;

/**
 * The whole search index as a JSON file, and back. Every stored field is kept (seen dates, times
 * seen, archive date, resolved people), in a fixed field order and key order, so exporting what was
 * imported gives the same file byte for byte. The internal `doc` number is not part of the file.
 */
export const EXPORT_FORMAT = 'daylight-search';

const Id = () => z.string().check(z.maxLength(200));
const Ms = () => z.number().check(z.nonnegative());

export const exportedRecordSchema = lazy(() =>
  z.extend(captureRecordSchema(), {
    private: z.boolean(),
    authorId: z.optional(Id()),
    authorName: z.optional(Id()),
    mentionIds: z.array(Id()).check(z.maxLength(500)),
    firstSeen: Ms(),
    lastSeen: Ms(),
    timesSeen: z.int().check(z.minimum(1)),
    archivedAt: z.optional(Ms()),
  }),
);
export type ExportedRecord = z.infer<ReturnType<typeof exportedRecordSchema>>;

export const exportFileSchema = lazy(() => z.object({ format: z.literal(EXPORT_FORMAT), version: z.literal(1), records: z.array(z.unknown()) }));

const FIELD_ORDER = [
  'key', 'type', 'tool', 'kind', 'place', 'private', 'container', 'title', 'text', 'author', 'authorId', 'authorName', 'participants',
  'mentions', 'mentionIds', 'time', 'url', 'pageKey', 'firstSeen', 'lastSeen', 'timesSeen', 'archivedAt',
] as const;

/** A stored record as the file holds it. */
export function exportedRecord(row: SearchRecordRow | ExportedRecord): ExportedRecord {
  const out: Record<string, unknown> = {};
  for (const field of FIELD_ORDER) if (row[field] !== undefined) out[field] = row[field];
  return out as ExportedRecord;
}

/** Every record, archived ones included, ordered by key. */
export async function exportSearchIndex(db: DaylightDatabase): Promise<string> {
  const rows: SearchRecordRow[] = [];
  await eachRecordBatch(db, EXPORT_CHUNKS, (batch) => rows.push(...batch));
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, records: rows.map(exportedRecord) }, null, 1)}\n`;
}

export interface ImportProblem {
  /** 1-based position in the file's `records`, 0 for the file itself. */
  record: number;
  message: string;
}

export type ParsedImport = { ok: true; records: ExportedRecord[] } | { ok: false; problems: ImportProblem[] };

/**
 * Check a whole file before anything is stored: every bad record is reported, and nothing is taken.
 * A record's links must be on its tool's site or a configured origin (lib/tools/links.ts).
 */
export function parseSearchExport(text: string, selfHosted: SelfHostedOrigins): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ record: 0, message: `Not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const file = exportFileSchema().safeParse(json);
  if (!file.success) return { ok: false, problems: [{ record: 0, message: `Not a Daylight search export (format "${EXPORT_FORMAT}", version 1, records).` }] };
  const records: ExportedRecord[] = [];
  const problems: ImportProblem[] = [];
  const keys = new Set<string>();
  file.data.records.forEach((raw, i) => {
    const parsed = exportedRecordSchema().safeParse(raw);
    if (!parsed.success) problems.push({ record: i + 1, message: z.prettifyError(parsed.error).replace(/\n/g, ' ') });
    else if (keys.has(parsed.data.key)) problems.push({ record: i + 1, message: `duplicate key ${parsed.data.key}` });
    else if (foreignLink(parsed.data, selfHosted)) problems.push({ record: i + 1, message: foreignLink(parsed.data, selfHosted)! });
    else {
      keys.add(parsed.data.key);
      records.push(parsed.data);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records };
}

/** Why a record's key, link or page is not its tool's (then it is never stored), or null. */
export function foreignLink(record: Pick<ExportedRecord, 'tool' | 'key' | 'url' | 'pageKey'>, selfHosted: SelfHostedOrigins): string | null {
  for (const href of [record.key, record.url, record.pageKey]) {
    if (href !== undefined && toolLink(record.tool, href, selfHosted) === null) return `${JSON.stringify(href.slice(0, 200))} is not a link to ${record.tool} or a configured origin`;
  }
  return null;
}

/**
 * Store imported records (one transaction per call). Where a record is already stored under the key,
 * the newer of the two (by last seen) wins, keeping the earlier first-seen and the larger count:
 * an import never makes what is stored older.
 */
export async function importRecords(db: DaylightDatabase, records: readonly ExportedRecord[]): Promise<{ added: number; updated: number }> {
  const latest = new Map(records.map((r) => [r.key, r]));
  return db.transaction('rw', db.searchChunks, async () => {
    const stored = await findRecords(db, latest.keys());
    const fresh: NewRecord[] = [];
    for (const record of latest.values()) {
      const old = stored.byKey.get(record.key);
      if (!old) {
        fresh.push(exportedRecord(record) as NewRecord);
        continue;
      }
      const newer = old.lastSeen > record.lastSeen ? exportedRecord(old) : exportedRecord(record);
      const row = { ...newer, firstSeen: Math.min(old.firstSeen, record.firstSeen), timesSeen: Math.max(old.timesSeen, record.timesSeen), doc: old.doc, chunk: old.chunk } as SearchRecordRow;
      replaceRecord(stored.chunks.get(old.chunk)!, row);
    }
    const placed = await placeNewRecords(db, fresh);
    await db.searchChunks.bulkPut([...stored.chunks.values(), ...placed.chunks]);
    return { added: fresh.length, updated: latest.size - fresh.length };
  });
}
