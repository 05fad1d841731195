import type { ImportResult } from './import-result';
import { stripBom } from './lines';
import { parseDirectoryCsv } from './parse-csv';
import { parseDirectoryJson } from './parse-json';

export interface TextHint {
  mediaType?: string;
  fileName?: string;
}

/** Read a directory from pasted text, a chosen file or a fetched body, in whichever format it is. */
export function parseDirectoryText(text: string, hint: TextHint = {}): ImportResult {
  return formatOf(text, hint) === 'json' ? parseDirectoryJson(text) : parseDirectoryCsv(text);
}

// Windows reports .csv files as application/vnd.ms-excel when Excel is installed.
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel']);

/**
 * A specific media type wins, then the file extension; generic types (text/plain,
 * application/octet-stream, as raw file hosts serve) and pasted text are sniffed: a CSV header
 * never starts with `{` or `[`, a JSON document always does.
 */
function formatOf(text: string, hint: TextHint): 'json' | 'csv' {
  const mediaType = hint.mediaType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json' || mediaType === 'text/json' || mediaType.endsWith('+json')) return 'json';
  if (CSV_TYPES.has(mediaType)) return 'csv';
  const fileName = hint.fileName?.toLowerCase() ?? '';
  if (fileName.endsWith('.json')) return 'json';
  if (fileName.endsWith('.csv')) return 'csv';
  return /^\s*[[{]/.test(stripBom(text)) ? 'json' : 'csv';
}
