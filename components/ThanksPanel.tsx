import { useState, type KeyboardEvent } from 'react';
import { openDatabase } from '@/lib/db';
import { t, tn, formatNumber, type MessageKey } from '@/lib/i18n/t';
import { periodStart, summarize, type Period, type PersonOf, type PersonTally } from '@/lib/kudos/summary';
import { loadPeople } from '@/lib/people/directory-store';
import { DirectoryIndex } from '@/lib/people/resolver';
import { useAsync } from './useAsync';
import './thanks.css';

/** Thanks since the earlier of this week's and this month's start, and the directory's current names. */
async function loadRecentThanks() {
  const db = openDatabase();
  try {
    const now = new Date();
    const since = Math.min(periodStart('week', now), periodStart('month', now));
    const [entries, people] = await Promise.all([db.thanks.where('at').aboveOrEqual(since).toArray(), loadPeople(db)]);
    const directory = new DirectoryIndex(people);
    // By directory id, else by the handle (the directory may have learnt who it is since).
    const personOf: PersonOf = (entry) =>
      (entry.personId ? directory.person(entry.personId) : undefined) ?? (entry.handle ? directory.lookup(entry.tool, null, entry.handle) : undefined);
    return { entries, personOf, now };
  } finally {
    db.close();
  }
}

const PERIODS: ReadonlyArray<{ id: Period; label: MessageKey }> = [
  { id: 'week', label: 'thisWeek' },
  { id: 'month', label: 'thisMonth' },
];

function People({ label, people }: { label: string; people: readonly PersonTally[] }) {
  const total = people.reduce((sum, p) => sum + p.count, 0);
  return (
    <>
      <h3>{t('labelWithTotal', label, formatNumber(total))}</h3>
      {people.length === 0 ? (
        <p className="muted">{t('noneYet')}</p>
      ) : (
        <ul aria-label={label}>
          {people.map((person) => (
            <li key={person.key}>
              <bdi>{person.name}</bdi>
              <span className="count" aria-label={tn('timesCount', person.count)}>
                ×{formatNumber(person.count)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The popup's Thanks view: this week or this month, thanks given and received, by person. */
export function ThanksPanel() {
  const [period, setPeriod] = useState<Period>('week');
  const data = useAsync(loadRecentThanks, []);
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next = PERIODS[(PERIODS.findIndex((p) => p.id === period) + 1) % PERIODS.length]!;
    setPeriod(next.id);
    event.currentTarget.querySelector<HTMLElement>(`#thanks-tab-${next.id}`)?.focus();
  };
  const summary = data.status === 'ready' ? summarize(data.value.entries, periodStart(period, data.value.now), data.value.personOf) : null;
  return (
    <section className="thanks-panel" aria-labelledby="thanks-heading" data-testid="thanks-panel">
      <h2 id="thanks-heading">{t('tabThanks')}</h2>
      <div role="tablist" aria-label={t('period')} onKeyDown={onKey}>
        {PERIODS.map((p) => (
          <button
            key={p.id}
            id={`thanks-tab-${p.id}`}
            type="button"
            role="tab"
            aria-selected={period === p.id}
            aria-controls="thanks-tabpanel"
            tabIndex={period === p.id ? 0 : -1}
            onClick={() => setPeriod(p.id)}
          >
            {t(p.label)}
          </button>
        ))}
      </div>
      <div id="thanks-tabpanel" role="tabpanel" aria-labelledby={`thanks-tab-${period}`}>
        {data.status === 'failed' && <p className="muted">{t('ledgerFailed', data.error)}</p>}
        {summary && (
          <>
            <People label={t('thanksGiven')} people={summary.given} />
            <People label={t('thanksReceived')} people={summary.received} />
          </>
        )}
      </div>
    </section>
  );
}
