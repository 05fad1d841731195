import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Person } from './people/schema';
import type { CaptureRecord } from './search/record';
import type { ExportedRecord } from './search/export';
import { chunkStoredRecords } from './search/record-store';
import { orderPostings, readableSegment, type StoredSegment } from './search/segment';
import type { PageKind, Place } from './tools/page';
import type { ToolId } from './tools/tool-ids';

/**
 * The database: opened for writing only by the background (content scripts never open
 * IndexedDB: there it would be the host page's). Extension pages read it directly.
 * Every schema version and its migration lives in this file, and each migration is tested from
 * the previous version's data (tests/unit/db.test.ts).
 */
export interface StoredPerson extends Person {
  /** `tool:handle` keys normalised by the tool's matching rule, indexed multi-entry. */
  handleKeys: string[];
  updatedAt: number;
  /** People are archived, never deleted. */
  archivedAt?: number;
}

export interface FeatureErrorRecord {
  seq?: number;
  featureId: string;
  tool: ToolId;
  /** The page's origin and path only: query strings can hold tokens. */
  page: string;
  message: string;
  at: number;
}

/** What an adapter's selectors found on one settled page: the diagnostics view's raw material. */
export interface PageReportRecord {
  seq?: number;
  tool: ToolId;
  origin: string;
  kind: PageKind;
  place: Place;
  detected: boolean;
  /** The page's path (no query): where the tool's workspace lives (Mattermost team, Asana workspace). */
  path: string;
  /** For each named selector, whether it found anything on that page. */
  matched: Record<string, boolean>;
  at: number;
}

/** One directory import, kept so that it can be undone (by archiving and restoring, never deleting). */
export interface ImportRecord {
  id: string;
  at: number;
  /** Where it came from: a file name, "pasted text", a URL, "SCIM …", "policy …". */
  source: string;
  addedIds: string[];
  /** The stored state, before the import, of every person it changed, archived or restored. */
  before: StoredPerson[];
  undoneAt?: number;
}

/**
 * The directory, stored as a few large chunks rather than one row per person: IndexedDB writes
 * rows slowly (about 30 s for 100k indexed rows on this project's machines), and the handle index
 * is built in memory anyway. Chunk order is directory order.
 */
export interface DirectoryChunk {
  chunk: number;
  people: StoredPerson[];
}

/**
 * One thanks in the kudos ledger (append-only: "undo" archives). `given` thanks are the viewer's
 * own; `received` ones were seen on a captured page that mentions the viewer and thanks them.
 */
export interface ThanksEntry {
  id: string;
  direction: 'given' | 'received';
  at: number;
  tool: ToolId;
  /** The other person: who was thanked (given) or who thanked (received). */
  handle: string | null;
  personId: string | null;
  name: string;
  /** The thanked post (given) or the thanking post (received): a link for people. */
  permalink: string;
  /**
   * The post's identity in the ledger (its permalink, or the page and the post's id when the tool
   * gives no permalink): which posts show as thanked, and received thanks recorded once per post.
   * Added at version 7 (earlier entries take their permalink).
   */
  postKey: string;
  excerpt: string;
  note: string;
  /** How it was given: in the tool's composer, a native reaction, the ledger only; `seen` for received. */
  via: 'public' | 'reaction' | 'record' | 'seen';
  /** Given or seen in a private place: never announced with content or link. */
  private: boolean;
  archivedAt?: number;
}

/**
 * Something that happened on this device, for the "week in the open" dashboard. Local only:
 * nothing here is ever sent anywhere.
 */
export interface ActivityEvent {
  seq?: number;
  type: string;
  at: number;
  tool: ToolId;
  place?: Place;
  /** A reason given for posting privately, or what the user chose. */
  detail?: string;
  /** How many, for an event recorded once for several things (mentions resolved on one page). */
  count?: number;
}

/**
 * A place where the user made a choice about posting privately: a reason to keep it private
 * (the warning folds there) or "Don't warn here again". Exceptions removed in options are
 * archived, never deleted.
 */
export interface PlaceChoice {
  /** `tool|origin|container`: see lib/openness/place-key.ts. */
  key: string;
  tool: ToolId;
  /** The place in the page's words: repository, project, channel. */
  label: string;
  /** The page the choice was made on: origin and path only. */
  url: string;
  reason?: string;
  reasonAt?: number;
  exceptionAt?: number;
  /** When the exception was removed (it is kept, archived). */
  exceptionArchivedAt?: number;
}

/**
 * One announcement of a public thanks waiting for, or done with, the organisation's webhook. The
 * id is the idempotency key (the thanks' id): a row reaches `sent` once and is never sent again.
 */
export interface OutboxEntry {
  id: string;
  thanksId: string;
  url: string;
  /** The JSON body, Slack and Mattermost incoming-webhook compatible. */
  payload: Record<string, unknown>;
  /** `sending` survives only a crash mid-request: it is retried with the same key. */
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  createdAt: number;
  /** When the next attempt is due. */
  nextAt: number;
  lastError?: string;
  sentAt?: number;
}

/**
 * A captured page or post, as search keeps it: keyed by canonical URL or permalink (`key`, never
 * duplicated); `doc` is the number the search index knows it by. Archived, never deleted.
 * Stored in a chunk of records (SearchChunkRow), whose id is `chunk`.
 */
export interface SearchRecordRow extends CaptureRecord {
  doc: number;
  /** The chunk holding the record (the first document number of that chunk). */
  chunk: number;
  /** The place was private when it was last seen. */
  private: boolean;
  /** The author and the mentioned people as the directory knew them when captured. */
  authorId?: string;
  authorName?: string;
  mentionIds: string[];
  firstSeen: number;
  lastSeen: number;
  timesSeen: number;
  archivedAt?: number;
}

/**
 * Consecutive search records stored as one row (lib/search/record-store.ts): its id is its first
 * record's `doc`, and record i has doc id + i.
 */
export interface SearchChunkRow {
  id: number;
  /** Each record's key, in order (a multi-entry index; a key is in one chunk only: writers look keys up first). */
  keys: string[];
  /** Each record as JSON, without `doc` and `chunk`. */
  records: string[];
  /** The latest last-seen of its records. */
  lastSeen: number;
  /** [archivedAt, doc] of each archived record (a multi-entry index: the archived list and its count). */
  archived: Array<[number, number]>;
}

/**
 * One part of a search import waiting for the rest (lib/search/import-staging.ts): an import is
 * stored all at once when its last part arrives, or not at all.
 */
export interface ImportStagingRow {
  importId: string;
  part: number;
  records: ExportedRecord[];
  at: number;
}

/** A block of a big segment's postings (lib/search/posting-blocks.ts). */
export interface SearchPostingRow {
  segment: number;
  block: number;
  postings: Uint32Array;
}

/** One immutable segment of the search index (lib/search/segment.ts); a higher id is newer. */
export interface SearchSegmentRow {
  id: number;
  size: number;
  data: StoredSegment;
}

export type DaylightDatabase = Dexie & {
  /** Version 1 to 3 only: read by the version 4 migration. */
  people: EntityTable<StoredPerson, 'id'>;
  directory: EntityTable<DirectoryChunk, 'chunk'>;
  featureErrors: EntityTable<FeatureErrorRecord, 'seq'>;
  pageReports: EntityTable<PageReportRecord, 'seq'>;
  imports: EntityTable<ImportRecord, 'id'>;
  thanks: EntityTable<ThanksEntry, 'id'>;
  activity: EntityTable<ActivityEvent, 'seq'>;
  places: EntityTable<PlaceChoice, 'key'>;
  outbox: EntityTable<OutboxEntry, 'id'>;
  /** Versions 6 to 8 only (a row per record, no `chunk`): read by the version 9 migration. */
  searchRecords: EntityTable<Omit<SearchRecordRow, 'chunk'>, 'doc'>;
  searchChunks: EntityTable<SearchChunkRow, 'id'>;
  searchSegments: EntityTable<SearchSegmentRow, 'id'>;
  searchPostings: Table<SearchPostingRow, [number, number]>;
  importStaging: Table<ImportStagingRow, [string, number]>;
};

export const DATABASE_NAME = 'daylight';
/** People per directory chunk. */
export const DIRECTORY_CHUNK = 5_000;

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/** Ordered schema history. Add a version; never edit a shipped one. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      people: '&id, name, email, team, archivedAt, *handleKeys',
      featureErrors: '++seq, featureId, tool, at',
    },
  },
  {
    version: 2,
    // Diagnostics: selector counts per settled page, per tool and origin.
    stores: { pageReports: '++seq, tool, origin, at, [tool+at]' },
  },
  {
    version: 3,
    // Directory imports, for undo.
    stores: { imports: '&id, at' },
  },
  {
    version: 4,
    // The directory moves from one row per person to chunks (see DirectoryChunk).
    stores: { directory: '&chunk', people: null },
    upgrade: async (tx) => {
      const people = (await tx.table('people').toArray()) as StoredPerson[];
      const chunks: DirectoryChunk[] = [];
      for (let i = 0; i < people.length; i += DIRECTORY_CHUNK) chunks.push({ chunk: chunks.length, people: people.slice(i, i + DIRECTORY_CHUNK) });
      await tx.table('directory').bulkPut(chunks);
    },
  },
  {
    version: 5,
    // The kudos ledger and the local activity log (the "week in the open" dashboard).
    stores: {
      thanks: '&id, at, direction, tool, personId, permalink, archivedAt, [direction+at]',
      activity: '++seq, type, at, [type+at]',
    },
  },
  {
    version: 6,
    // Cross-tool search: captured records, and the index as compact segments the popup loads as is.
    stores: {
      searchRecords: 'doc, &key, lastSeen, archivedAt',
      searchSegments: 'id',
    },
  },
  {
    version: 7,
    // Kudos: thanks are found by post (postKey), and public thanks wait in the webhook outbox.
    stores: {
      thanks: '&id, at, direction, tool, personId, permalink, postKey, archivedAt, [direction+at]',
      outbox: '&id, thanksId, status, nextAt',
    },
    upgrade: async (tx) => {
      await tx
        .table('thanks')
        .toCollection()
        .modify((entry: ThanksEntry) => {
          entry.postKey ??= entry.permalink;
        });
    },
  },
  {
    version: 8,
    // Openness: reasons and "don't warn here again" exceptions per place.
    stores: { places: '&key, tool, exceptionAt' },
  },
  {
    version: 9,
    // Search records move from one row each into chunks of consecutive records (SearchChunkRow):
    // IndexedDB's cost is per row, and a page's 200 messages were 200 rows. Documents keep their
    // numbers; the index segments learn where in its chunk each document is, and put their postings
    // in impact order (lib/search/segment.ts). The key index is not
    // unique (a unique one costs a lookup per key written): every write looks its keys up first.
    stores: { searchChunks: 'id, *keys, lastSeen, *archived', searchRecords: null },
    upgrade: async (tx) => {
      const rows = (await tx.table('searchRecords').toArray()) as SearchRecordRow[];
      const chunks = chunkStoredRecords(rows);
      await tx.table('searchChunks').bulkPut(chunks);
      const slots = new Map<number, number>();
      for (const chunk of chunks) chunk.keys.forEach((_, slot) => slots.set(chunk.id + slot, slot));
      const segments = (await tx.table('searchSegments').toArray()) as SearchSegmentRow[];
      for (const { data } of segments) {
        data.slots = new Uint8Array(data.docs.length);
        for (let i = 0; i < data.docs.length; i += 1) data.slots[i] = slots.get(data.docs[i]!) ?? 0;
        // Postings in impact order, as segments are now built (one-word queries read them best first).
        orderPostings(data.postings, data.offsets, data.seen);
      }
      await tx.table('searchSegments').bulkPut(segments);
    },
  },
  {
    version: 10,
    // Search imports are staged part by part and stored in one transaction when the last arrives.
    stores: { importStaging: '[importId+part], importId' },
  },
  {
    version: 11,
    // Index segments are rewritten in the current format (segment.ts readableSegment): format 1
    // (positions in the tool, kind and place lists of its day, which are the frozen codes) and
    // format 2 get the current stamp, so no reader or merge has to know them again. A segment in a format this code does not know stays as it is
    // and the index is rebuilt from the records (index-store.ts compactIndex).
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('searchSegments')
        .toCollection()
        .modify((row: SearchSegmentRow) => {
          const readable = readableSegment(row.data);
          if (readable !== null && readable !== row.data) row.data = readable;
        });
    },
  },
  {
    version: 12,
    // A big index segment keeps its postings outside, in blocks the popup reads per query term
    // (lib/search/posting-blocks.ts); segments stored before keep theirs inline until merged.
    stores: { searchPostings: '[segment+block], segment' },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS.at(-1)?.version ?? 1;

/** Open the database as of `upTo` (tests open older versions to check each migration). */
export function openDatabase(name = DATABASE_NAME, upTo = LATEST_VERSION): DaylightDatabase {
  const db = new Dexie(name) as DaylightDatabase;
  for (const step of SCHEMA_VERSIONS) {
    if (step.version > upTo) break;
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
  return db;
}
