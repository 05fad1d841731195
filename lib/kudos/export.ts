import type { OutboxEntry, ThanksEntry } from '../db';

const COLUMNS = ['id', 'direction', 'at', 'tool', 'person_id', 'handle', 'name', 'permalink', 'excerpt', 'note', 'via', 'private', 'archived_at', 'announcement'] as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const iso = (at: number | undefined) => (at === undefined ? '' : new Date(at).toISOString());

/** The ledger as CSV (header row, one thanks per line, with its announcement's status). */
export function ledgerCsv(entries: readonly ThanksEntry[], outbox: ReadonlyMap<string, OutboxEntry> = new Map()): string {
  const rows = entries.map((e) =>
    [e.id, e.direction, iso(e.at), e.tool, e.personId ?? '', e.handle ?? '', e.name, e.permalink, e.excerpt, e.note, e.via, String(e.private), iso(e.archivedAt), outbox.get(e.id)?.status ?? ''].map(cell).join(','),
  );
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** The ledger as JSON: `{ version: 1, exportedAt, thanks: [...] }`. */
export function ledgerJson(entries: readonly ThanksEntry[], outbox: ReadonlyMap<string, OutboxEntry> = new Map(), now = Date.now()): string {
  const thanks = entries.map((e) => ({ ...e, announcement: outbox.get(e.id)?.status ?? null }));
  return `${JSON.stringify({ version: 1, exportedAt: new Date(now).toISOString(), thanks }, null, 2)}\n`;
}
