import { openDatabase } from '@/lib/db';
import { formatDateTime, formatList, formatNumber, t, tn } from '@/lib/i18n/t';
import { readWeeks } from '@/lib/openness/read-week';
import { NO_REASON, type WeekCounts } from '@/lib/openness/week-stats';
import { useAsync } from './useAsync';

const WEEKS = 8;

const ROWS = [
  ['mentionsResolved', 'rowMentions'],
  ['thanksGiven', 'rowThanksGiven'],
  ['thanksReceived', 'rowThanksReceived'],
  ['privatePosts', 'rowPrivatePosts'],
  ['warningsHeeded', 'rowWarningsHeeded'],
  ['deletionsAvoided', 'rowDeletionsAvoided'],
] as const;

async function load(): Promise<WeekCounts[]> {
  const db = openDatabase();
  try {
    return await readWeeks(db, WEEKS);
  } finally {
    db.close();
  }
}

/** The local calendar day, for <time>. */
const isoDay = (at: number) => {
  const day = new Date(at);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
};
const weekLabel = (start: number) => formatDateTime(start, { month: 'short', day: 'numeric' });
/** A reason as the user chose it (their organisation's words), or "no reason given" in the UI language. */
const reasonLabel = (reason: string) => (reason === NO_REASON ? t('noReasonGiven') : reason);

/** Bars per week: open acts (warnings heeded, deletions avoided, thanks given) against private posts. Decorative: the table says the same. */
function WeekChart({ weeks }: { weeks: WeekCounts[] }) {
  const open = weeks.map((w) => w.warningsHeeded + w.deletionsAvoided + w.thanksGiven);
  const max = Math.max(1, ...open, ...weeks.map((w) => w.privatePosts));
  const width = 28;
  const height = 60;
  return (
    <svg className="week-chart" viewBox={`0 0 ${weeks.length * width} ${height + 14}`} aria-hidden="true" focusable="false">
      {weeks.map((w, i) => {
        const a = (open[i]! / max) * height;
        const b = (w.privatePosts / max) * height;
        return (
          <g key={w.start} transform={`translate(${i * width}, 0)`}>
            <rect className="bar-open" x={4} y={height - a} width={9} height={a} />
            <rect className="bar-private" x={14} y={height - b} width={9} height={b} />
            <text x={width / 2} y={height + 11} textAnchor="middle">
              {formatDateTime(w.start, { day: 'numeric' })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** "Your week in the open": what Daylight saw on this device this week, and the weeks before. Nothing leaves the device. */
export function WeekInTheOpen() {
  const data = useAsync(load, []);
  if (data.status === 'loading') return <p className="muted">{t('loading')}</p>;
  if (data.status === 'failed') return <p role="alert" className="error">{t('activityFailed', data.error)}</p>;
  const weeks = data.value;
  const now = weeks.at(-1)!;
  const reasons = Object.entries(now.reasons).sort((a, b) => b[1] - a[1]);
  return (
    <div className="week-open" data-testid="week-in-the-open">
      <p className="muted">{t('countedHere')}</p>
      <dl className="week-counts">
        {ROWS.map(([key, label]) => (
          <div key={key} data-count={key}>
            <dt>{t(label)}</dt>
            <dd>{formatNumber(now[key])}</dd>
          </div>
        ))}
      </dl>
      {reasons.length > 0 && (
        <p data-testid="private-reasons">
          {t('privateReasonsWeek', formatList(reasons.map(([reason, n]) => t('labelWithTotal', reasonLabel(reason), formatNumber(n))), 'unit'))}
        </p>
      )}
      <figure>
        <WeekChart weeks={weeks} />
        <figcaption className="muted">
          <span className="key-open" /> {t('chartOpen')} <span className="key-private" /> {t('chartPrivate')}
        </figcaption>
      </figure>
      <table className="week-table">
        <caption>{tn('lastWeeks', WEEKS)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('weekOf')}</th>
            {ROWS.map(([key, label]) => (
              <th key={key} scope="col">
                {t(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...weeks].reverse().map((w) => (
            <tr key={w.start}>
              <th scope="row">
                <time dateTime={isoDay(w.start)}>{weekLabel(w.start)}</time>
              </th>
              {ROWS.map(([key]) => (
                <td key={key}>{formatNumber(w[key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
