import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Person } from './people/schema';
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
  /** For each named selector, whether it found anything on that page. */
  matched: Record<string, boolean>;
  at: number;
}

export type DaylightDatabase = Dexie & {
  people: EntityTable<StoredPerson, 'id'>;
  featureErrors: EntityTable<FeatureErrorRecord, 'seq'>;
  pageReports: EntityTable<PageReportRecord, 'seq'>;
};

export const DATABASE_NAME = 'daylight';

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
