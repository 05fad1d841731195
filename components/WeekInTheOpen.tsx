import { openDatabase } from '@/lib/db';
import { readWeeks } from '@/lib/openness/read-week';
import type { WeekCounts } from '@/lib/openness/week-stats';
import { useAsync } from './useAsync';

const WEEKS = 8;

const ROWS = [
  ['mentionsResolved', 'Mentions resolved'],
  ['thanksGiven', 'Thanks given'],
  ['thanksReceived', 'Thanks received'],
  ['privatePosts', 'Private posts'],
  ['warningsHeeded', 'Warnings heeded'],
  ['deletionsAvoided', 'Deletions avoided'],
] as const;

async function load(): Promise<WeekCounts[]> {
  const db = openDatabase();
  try {
    return await readWeeks(db, WEEKS);
  } finally {
    db.close();
  }
}

const weekLabel = (start: number) => new Date(start).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

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
              {new Date(w.start).getDate()}
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
  if (data.status === 'loading') return <p className="muted">Loading…</p>;
  if (data.status === 'failed') return <p role="alert" className="error">Could not read the activity log: {data.error}</p>;
  const weeks = data.value;
  const now = weeks.at(-1)!;
  const reasons = Object.entries(now.reasons).sort((a, b) => b[1] - a[1]);
  return (
    <div className="week-open" data-testid="week-in-the-open">
      <p className="muted">Counted on this device only; never sent anywhere.</p>
      <dl className="week-counts">
        {ROWS.map(([key, label]) => (
          <div key={key} data-count={key}>
            <dt>{label}</dt>
            <dd>{now[key]}</dd>
          </div>
        ))}
      </dl>
      {reasons.length > 0 && (
        <p data-testid="private-reasons">
          Reasons for private posts this week: {reasons.map(([reason, n]) => `${reason} (${n})`).join(', ')}.
        </p>
      )}
      <figure>
        <WeekChart weeks={weeks} />
        <figcaption className="muted">
          <span className="key-open" /> open choices (warnings heeded, deletions avoided, thanks given) <span className="key-private" /> private posts, per week
        </figcaption>
      </figure>
      <table className="week-table">
        <caption>The last {WEEKS} weeks</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            {ROWS.map(([key, label]) => (
              <th key={key} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...weeks].reverse().map((w) => (
            <tr key={w.start}>
              <th scope="row">{weekLabel(w.start)}</th>
              {ROWS.map(([key]) => (
                <td key={key}>{w[key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
