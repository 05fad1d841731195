import type { SearchRecordRow } from '../db';
import { authorKey } from './authors';
import type { IndexedDoc } from './segment';

/** The record's own time in ms, when it has a readable one. */
export function recordTime(row: Pick<SearchRecordRow, 'time' | 'firstSeen'>): number {
  const parsed = row.time === null ? NaN : Date.parse(row.time);
  return Number.isNaN(parsed) ? row.firstSeen : parsed;
}

/** What the index files of a stored record. */
export function indexedDoc(row: SearchRecordRow): IndexedDoc {
  return {
    doc: row.doc,
    slot: row.doc - row.chunk,
    tool: row.tool,
    kind: row.kind,
    place: row.place,
    time: recordTime(row),
    seen: row.lastSeen,
    author: row.author === null ? null : authorKey(row.tool, row.author),
    title: row.title,
    authorName: row.authorName ?? row.author ?? '',
    body: [row.container, row.authorName ?? '', row.author ?? '', row.text].join('\n'),
  };
}

/** True when what the index files (words, facets, author) differs between two versions of a record. */
export function indexChanged(a: SearchRecordRow, b: SearchRecordRow): boolean {
  return a.title !== b.title || a.text !== b.text || a.container !== b.container || a.author !== b.author || a.authorName !== b.authorName
    || a.place !== b.place || a.kind !== b.kind || a.time !== b.time;
}
