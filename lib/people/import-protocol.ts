import type { Conflict } from './conflicts';
import type { PersonChange } from './diff';
import type { ImportResult, RowError } from './import-result';
import type { Person } from './schema';
import type { TextHint } from './parse-text';

/**
 * What the options page and its import worker (lib/people/import.worker.ts) say to each other.
 * Both are Daylight's own code on the extension's origin; what crosses is bounded so that the page
 * never receives (and so never deserialises) a whole directory or a whole error list: the worker
 * keeps them and hands out pages and, to apply, JSON text for the background.
 */
export type ImportInput = { kind: 'file'; file: File } | { kind: 'text'; text: string; hint?: TextHint } | { kind: 'result'; result: ImportResult };

export type ToWorker =
  | { type: 'preview'; job: number; input: ImportInput }
  | { type: 'errors'; job: number; from: number; count: number }
  | { type: 'parts'; job: number };

export type ImportPhase = 'reading' | 'checking' | 'comparing';

/** A list in the preview: its first entries and how many there are. */
export interface Listed<T> {
  first: T[];
  total: number;
}

export interface PreviewSummary {
  count: number;
  warnings: Listed<string>;
  added: Listed<Person>;
  changed: Listed<Pick<PersonChange, 'after' | 'fields'>>;
  archived: Listed<Person>;
  restored: Listed<Person>;
  unchanged: number;
  conflicts: Listed<Conflict>;
}

export type FromWorker =
  | { type: 'progress'; job: number; phase: ImportPhase; done?: number; total?: number }
  | { type: 'refused'; job: number; total: number; first: RowError[] }
  | { type: 'preview'; job: number; summary: PreviewSummary }
  | { type: 'errors'; job: number; from: number; errors: RowError[] }
  | { type: 'parts'; job: number; parts: string[] }
  | { type: 'crashed'; job: number; message: string };

/** Entries of each preview list the page receives (the counts stay exact). */
export const LIST_LIMIT = 200;
/** Errors per page of the error list. */
export const ERROR_PAGE = 100;
/** People per part sent to the background. */
export const PART_SIZE = 5_000;
