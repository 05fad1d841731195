import type { ActivityEvent, ThanksEntry } from '../db';
import { ACTIVITY } from './activity';
import { formatList, t, tn } from '../i18n/t';

export interface WeekCounts {
  /** Monday 00:00, local time, in ms. */
  start: number;
  mentionsResolved: number;
  thanksGiven: number;
  thanksReceived: number;
  privatePosts: number;
  /** Private posts by reason (`No reason given` when none was on record). */
  reasons: Record<string, number>;
  warningsHeeded: number;
  deletionsAvoided: number;
}

export const NO_REASON = 'No reason given';
const DAY = 24 * 60 * 60 * 1000;

/** Monday 00:00 (local time) of the week `at` falls in. */
export function weekStart(at: number): number {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return date.getTime();
}

function emptyWeek(start: number): WeekCounts {
  return { start, mentionsResolved: 0, thanksGiven: 0, thanksReceived: 0, privatePosts: 0, reasons: {}, warningsHeeded: 0, deletionsAvoided: 0 };
}

/**
 * The last `weeks` calendar weeks (oldest first, this week last) from the activity log and the
 * kudos ledger. Archived thanks are not counted; neither is anything outside those weeks.
 */
export function weeklyOpenness(events: readonly ActivityEvent[], thanks: readonly ThanksEntry[], now: number, weeks = 8): WeekCounts[] {
  const starts: number[] = [];
  let start = weekStart(now);
  for (let i = 0; i < weeks; i += 1) {
    starts.unshift(start);
    // Back one week by the calendar, not by 7 × 24 h: clock changes make some weeks 167 or 169 hours.
    start = weekStart(start - DAY);
  }
  const result = starts.map(emptyWeek);
  const byStart = new Map(result.map((w) => [w.start, w]));
  const weekOf = (at: number) => byStart.get(weekStart(at));

  for (const event of events) {
    const week = weekOf(event.at);
    if (!week) continue;
    switch (event.type) {
      case ACTIVITY.mentionsResolved:
        week.mentionsResolved += event.count ?? 1;
        break;
      case ACTIVITY.privatePost: {
        week.privatePosts += 1;
        const reason = event.detail || NO_REASON;
        week.reasons[reason] = (week.reasons[reason] ?? 0) + 1;
        break;
      }
      case ACTIVITY.warningHeeded:
        week.warningsHeeded += 1;
        break;
      case ACTIVITY.deletionAvoided:
        week.deletionsAvoided += 1;
        break;
    }
  }
  for (const entry of thanks) {
    const week = entry.archivedAt === undefined ? weekOf(entry.at) : undefined;
    if (!week) continue;
    if (entry.direction === 'given') week.thanksGiven += 1;
    else week.thanksReceived += 1;
  }
  return result;
}

/** One line for the popup: this week's counts, only those that are not zero. */
export function weekSummary(week: WeekCounts): string {
  const parts = [
    [week.mentionsResolved, 'weekMentions'],
    [week.thanksGiven, 'weekThanksGiven'],
    [week.thanksReceived, 'weekThanksReceived'],
    [week.privatePosts, 'weekPrivatePosts'],
    [week.warningsHeeded, 'weekWarningsHeeded'],
    [week.deletionsAvoided, 'weekDeletionsAvoided'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, key]) => tn(key, n));
  return said.length === 0 ? t('weekNothing') : t('weekLine', formatList(said, 'unit'));
}
