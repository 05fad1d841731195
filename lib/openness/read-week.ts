import type { DaylightDatabase } from '../db';
import { weeklyOpenness, weekStart, type WeekCounts } from './week-stats';

const DAY = 24 * 60 * 60 * 1000;

/** The last `weeks` weeks of the activity log and the kudos ledger, counted (extension pages read the database directly). */
export async function readWeeks(db: DaylightDatabase, weeks: number, now = Date.now()): Promise<WeekCounts[]> {
  // A week and a day of margin: weekStart works in local time.
  const since = weekStart(now) - weeks * 7 * DAY - DAY;
  const [events, thanks] = await Promise.all([db.activity.where('at').aboveOrEqual(since).toArray(), db.thanks.where('at').aboveOrEqual(since).toArray()]);
  return weeklyOpenness(events, thanks, now, weeks);
}
