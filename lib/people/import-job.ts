import { findConflicts } from './conflicts';
import { diffDirectory } from './diff';
import type { ImportResult, RowError } from './import-result';
import { LIST_LIMIT, PART_SIZE, type Listed, type PreviewSummary } from './import-protocol';
import type { Directory, Person } from './schema';

const listed = <T>(items: readonly T[]): Listed<T> => ({ first: items.slice(0, LIST_LIMIT), total: items.length });

/** A checked import as the worker keeps it: the whole directory or every error, and the page's view of it. */
export type ImportJob = { ok: true; directory: Directory; summary: PreviewSummary } | { ok: false; errors: RowError[] };

/** What importing `result` would do to `current`, with the lists cut to what a preview shows. */
export function previewJob(result: ImportResult, current: ReadonlyArray<Person & { archivedAt?: number }>): ImportJob {
  if (!result.ok) return { ok: false, errors: result.errors };
  const diff = diffDirectory(current, result.directory);
  return {
    ok: true,
    directory: result.directory,
    summary: {
      count: result.directory.people.length,
      warnings: listed(result.warnings),
      added: listed(diff.added),
      changed: listed(diff.changed.map(({ after, fields }) => ({ after, fields }))),
      archived: listed(diff.archived),
      restored: listed(diff.restored),
      unchanged: diff.unchanged,
      conflicts: listed(findConflicts(result.directory.people)),
    },
  };
}

/** The directory's people as JSON text in parts of PART_SIZE, for the background to hold until the last. */
export function directoryParts(directory: Directory): string[] {
  const parts: string[] = [];
  for (let i = 0; i < directory.people.length; i += PART_SIZE) parts.push(JSON.stringify(directory.people.slice(i, i + PART_SIZE)));
  // An empty directory is one empty part: applying it archives everyone, as a file with no one in it says.
  return parts.length > 0 ? parts : ['[]'];
}
