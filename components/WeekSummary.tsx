import { openDatabase } from '@/lib/db';
import { readWeeks } from '@/lib/openness/read-week';
import { weekSummary } from '@/lib/openness/week-stats';
import { useAsync } from './useAsync';

async function load(): Promise<string> {
  const db = openDatabase();
  try {
    return weekSummary((await readWeeks(db, 1)).at(-1)!);
  } finally {
    db.close();
  }
}

/** One line for the popup: this week in the open, counted on this device. */
export function WeekSummary() {
  const line = useAsync(load, []);
  return (
    <p className="muted" data-testid="week-summary">
      {line.status === 'ready' ? line.value : null}
    </p>
  );
}
