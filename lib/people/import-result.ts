import type { Directory } from './schema';

/**
 * One reason an import was refused. `line` is where the admin should look: the 1-based line of
 * the record in a CSV or JSON file, the 1-based position of a SCIM user in its listing, 1 for a
 * problem with the file as a whole, and 0 when the source could not be read at all.
 */
export interface RowError {
  line: number;
  field?: string;
  message: string;
}

/** Imports are all-or-nothing (docs/contract.md section 4): either a whole directory or every error. */
export type ImportResult = { ok: true; directory: Directory; warnings: string[] } | { ok: false; errors: RowError[] };
