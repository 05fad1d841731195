import type { ThanksEntry } from '../db';

export type Period = 'week' | 'month';

/** Start of this week (Monday, 00:00 local time) or this month (the 1st). */
export function periodStart(period: Period, now: Date): number {
  const start = new Date(now.getFullYear(), now.getMonth(), period === 'month' ? 1 : now.getDate());
  if (period === 'week') start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  return start.getTime();
}

export interface PersonTally {
  /** The directory id, or `tool:handle` for someone the directory does not know. */
  key: string;
  name: string;
  count: number;
  last: number;
}

export interface ThanksSummary {
  given: PersonTally[];
  received: PersonTally[];
}

/** Who an entry's person is in today's directory (it may know them now, though it did not when they were thanked). */
export type PersonOf = (entry: ThanksEntry) => { id: string; name: string } | undefined;

/**
 * Live (not archived) thanks since `since`, given and received, counted by person: most thanks
 * first, then most recent, with the directory's current names.
 */
export function summarize(entries: readonly ThanksEntry[], since: number, personOf: PersonOf = () => undefined): ThanksSummary {
  const tally = (direction: ThanksEntry['direction']) => {
    const people = new Map<string, PersonTally>();
    for (const entry of entries) {
      if (entry.direction !== direction || entry.archivedAt !== undefined || entry.at < since) continue;
      const known = personOf(entry);
      const key = known?.id ?? entry.personId ?? `${entry.tool}:${entry.handle ?? entry.name}`;
      const person = people.get(key) ?? { key, name: known?.name ?? entry.name, count: 0, last: 0 };
      person.count += 1;
      person.last = Math.max(person.last, entry.at);
      people.set(key, person);
    }
    return [...people.values()].sort((a, b) => b.count - a.count || b.last - a.last);
  };
  return { given: tally('given'), received: tally('received') };
}
