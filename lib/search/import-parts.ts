import type { ExportedRecord } from './export';

/** Characters of JSON per message: browsers cap one extension message (Chromium at 64 MiB). */
export const PART_CHARS = 4_000_000;
export const PART_RECORDS = 5_000;

/** Split records into message-sized parts. */
export function importParts(records: readonly ExportedRecord[]): ExportedRecord[][] {
  const parts: ExportedRecord[][] = [];
  let part: ExportedRecord[] = [];
  let chars = 0;
  for (const record of records) {
    const size = record.text.length + record.title.length + record.key.length * 2 + 400;
    if (part.length > 0 && (chars + size > PART_CHARS || part.length >= PART_RECORDS)) {
      parts.push(part);
      part = [];
      chars = 0;
    }
    part.push(record);
    chars += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
