import { formatDateTime, formatNumber, t, tn, type MessageKey } from '@/lib/i18n/t';
import { useEffect, useMemo, useState } from 'react';
import { openDatabase, type OutboxEntry, type ThanksEntry } from '@/lib/db';
import { ledgerCsv, ledgerJson } from '@/lib/kudos/export';
import { sendToBackground } from '@/lib/messaging';
import { toolLink } from '@/lib/tools/links';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';
import { downloadText } from './PeopleExport';
import { useAsync } from './useAsync';
import { useSettings } from './useSettings';
import './thanks.css';

/** The background writes the ledger and the outbox; this view reads them again this often. */
const REFRESH_MS = 2_000;

async function loadLedger() {
  const db = openDatabase();
  try {
    const [entries, outbox] = await Promise.all([db.thanks.orderBy('at').reverse().toArray(), db.outbox.toArray()]);
    // Names from today's directory (it may know someone now that it did not when they were thanked),
    // asked of the background, which holds its index: this view refreshes every REFRESH_MS, and
    // loading a 200,000-person directory here each time would block the page.
    const { names: today } = await sendToBackground('people-names', { people: entries.map(({ personId, tool, handle }) => ({ personId, tool, handle })) });
    const names = new Map(entries.map((e, i) => [e.id, today[i] ?? e.name]));
    return { entries, names, outbox: new Map(outbox.map((o) => [o.thanksId, o])) };
  } finally {
    db.close();
  }
}

const VIA: Record<ThanksEntry['via'], MessageKey> = { public: 'viaPublic', reaction: 'viaReaction', record: 'viaRecord', seen: 'viaSeen' };

function matches(entry: ThanksEntry, name: string, query: string): boolean {
  if (!query) return true;
  const haystack = [name, entry.name, entry.handle ?? '', entry.personId ?? '', TOOL_NAMES[entry.tool], entry.excerpt, entry.note, entry.permalink, entry.direction].join('\n').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function Announcement({ entry, onRetry }: { entry: OutboxEntry | undefined; onRetry: (id: string) => void }) {
  if (!entry) return <span className="muted">—</span>;
  const label: Record<OutboxEntry['status'], string> = {
    pending: entry.attempts === 0 ? t('annWaiting') : t('annRetrying', formatNumber(entry.attempts + 1), formatDateTime(entry.nextAt, { timeStyle: 'short' })),
    sending: t('annSending'),
    sent: entry.sentAt ? t('annSent', formatDateTime(entry.sentAt)) : t('annSentBare'),
    failed: t('annFailed'),
    cancelled: t('annCancelled'),
  };
  return (
    <span className={`status-${entry.status}`} data-testid="announcement-status" data-status={entry.status}>
      {label[entry.status]}
      {entry.lastError && entry.status !== 'sent' ? (
        <>
          {' ('}
          <bdi>{entry.lastError}</bdi>)
        </>
      ) : null}
      {(entry.status === 'failed' || (entry.status === 'pending' && entry.attempts > 0)) && (
        <>
          {' '}
          <button type="button" onClick={() => onRetry(entry.id)}>
            {t('retryNow')}
          </button>
        </>
      )}
    </span>
  );
}

/**
 * The options page's kudos ledger: every thanks given and received, searchable, with undo
 * (archive) and restore, each public thanks' announcement status, and CSV and JSON export.
 */
/** Undo archives a thanks (never deletes it); an archived one can be restored. */
export function UndoButton({ entry, name, onArchive }: { entry: ThanksEntry; name: string; onArchive: (archived: boolean) => void }) {
  const archived = entry.archivedAt !== undefined;
  const label: MessageKey = archived ? (entry.direction === 'given' ? 'restoreThanksTo' : 'restoreThanksFrom') : entry.direction === 'given' ? 'undoThanksTo' : 'undoThanksFrom';
  return (
    <button type="button" aria-label={t(label, name)} onClick={() => onArchive(!archived)}>
      {archived ? t('restore') : t('undo')}
    </button>
  );
}

/** A ledger entry's post: a link only when it is on the entry's tool site (lib/tools/links.ts). */
function LedgerLink({ href, text }: { href: string | null; text: string }) {
  return href ? (
    <a href={href} target="_blank" rel="noreferrer">
      <bdi>{text}</bdi>
    </a>
  ) : (
    <bdi>{text}</bdi>
  );
}

export function ThanksLedger() {
  const selfHosted = useSettings()?.effective.selfHosted ?? {};
  const [version, setVersion] = useState(0);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [problem, setProblem] = useState<string>();
  const data = useAsync(loadLedger, [version]);
  useEffect(() => {
    const timer = setInterval(() => setVersion((v) => v + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  // useAsync keeps the last answer while it reads again, so the table does not blink on refresh.
  const cached = data.status === 'ready' ? data.value : undefined;
  const rows = useMemo(
    () => (cached?.entries ?? []).filter((e) => (showArchived || e.archivedAt === undefined) && matches(e, cached?.names.get(e.id) ?? e.name, query.trim())),
    [cached, showArchived, query],
  );
  const act = (work: Promise<unknown>) =>
    void work.then(
      () => {
        setProblem(undefined);
        setVersion((v) => v + 1);
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  const day = new Date().toISOString().slice(0, 10);
  const all = cached?.entries ?? [];
  return (
    <div className="thanks-ledger" data-testid="thanks-ledger">
      <div className="tools">
        <input type="search" aria-label={t('searchThanks')} placeholder={t('searchThanksPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <label>
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('showUndone')}
        </label>
        <button type="button" disabled={all.length === 0} onClick={() => downloadText(ledgerJson(all, cached?.outbox), `daylight-thanks-${day}.json`, 'application/json')}>
          {t('exportJson')}
        </button>
        <button type="button" disabled={all.length === 0} onClick={() => downloadText(ledgerCsv(all, cached?.outbox), `daylight-thanks-${day}.csv`, 'text/csv')}>
          {t('exportCsv')}
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
      {cached === undefined ? (
        <p className="muted">{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{all.length === 0 ? t('noThanksYet') : t('noThanksMatch')}</p>
      ) : (
        <table>
          <caption className="muted">
            {tn('thanksShown', all.length, formatNumber(rows.length))}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('colWhen')}</th>
              <th scope="col">{t('colThanks')}</th>
              <th scope="col">{t('colPerson')}</th>
              <th scope="col">{t('colWhere')}</th>
              <th scope="col">{t('colNote')}</th>
              <th scope="col">{t('colAnnouncement')}</th>
              <th scope="col">
                <span className="muted">{t('undo')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.id} data-archived={entry.archivedAt === undefined ? undefined : ''} data-testid="thanks-row">
                <td>{formatDateTime(entry.at)}</td>
                <td>
                  {entry.direction === 'given' ? t('thanksGiven') : t('thanksReceived')} · {t(VIA[entry.via])}
                  {entry.private ? ` · ${t('privatePlace')}` : ''}
                </td>
                <td>
                  <bdi>{cached.names.get(entry.id) ?? entry.name}</bdi>
                </td>
                <td>
                  {TOOL_NAMES[entry.tool]}:{' '}
                  <LedgerLink href={toolLink(entry.tool, entry.permalink, selfHosted)} text={entry.excerpt || entry.permalink} />
                </td>
                <td>
                  <bdi>{entry.note}</bdi>
                </td>
                <td>{entry.direction === 'given' && <Announcement entry={cached.outbox.get(entry.id)} onRetry={(id) => act(sendToBackground('outbox-retry', { id }))} />}</td>
                <td>
                  <UndoButton entry={entry} name={cached.names.get(entry.id) ?? entry.name} onArchive={(archived) => act(sendToBackground('thanks-archive', { id: entry.id, archived }))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
