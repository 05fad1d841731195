import { describe, expect, it } from 'vitest';
import type { ActivityEvent, ThanksEntry } from '@/lib/db';
import { ACTIVITY } from '@/lib/openness/activity';
import { NO_REASON, weeklyOpenness, weekStart, weekSummary } from '@/lib/openness/week-stats';

const at = (iso: string) => new Date(iso).getTime();
const event = (type: string, when: string, over: Partial<ActivityEvent> = {}): ActivityEvent => ({ type, at: at(when), tool: 'slack', ...over });
const thanks = (direction: ThanksEntry['direction'], when: string, archived = false): ThanksEntry => ({
  id: `${direction}-${when}`,
  direction,
  at: at(when),
  tool: 'github',
  handle: null,
  personId: null,
  name: 'X',
  permalink: '',
  postKey: '',
  excerpt: '',
  note: '',
  via: 'record',
  private: false,
  ...(archived ? { archivedAt: 1 } : {}),
});

describe('weekStart', () => {
  it('is Monday 00:00 local time', () => {
    const start = new Date(weekStart(at('2026-12-03T15:00:00'))); // a Thursday
    expect([start.getDay(), start.getHours(), start.getDate()]).toEqual([1, 0, 30]);
    expect(weekStart(at('2026-11-30T00:00:00'))).toBe(at('2026-11-30T00:00:00'));
    expect(weekStart(at('2026-12-06T23:59:00'))).toBe(at('2026-11-30T00:00:00'));
  });
});

describe('weeklyOpenness', () => {
  const now = at('2026-12-03T12:00:00');
  const weeks = weeklyOpenness(
    [
      event(ACTIVITY.mentionsResolved, '2026-12-01T10:00:00', { count: 12 }),
      event(ACTIVITY.privatePost, '2026-12-01T11:00:00', { detail: 'Security' }),
      event(ACTIVITY.privatePost, '2026-12-02T11:00:00', { detail: 'Security' }),
      event(ACTIVITY.privatePost, '2026-12-02T12:00:00'),
      event(ACTIVITY.warningHeeded, '2026-12-02T13:00:00', { detail: 'cancelled' }),
      event(ACTIVITY.deletionAvoided, '2026-11-25T13:00:00', { detail: 'alternative' }),
      event(ACTIVITY.deletedAnyway, '2026-12-02T13:00:00', { detail: 'comment' }),
      event(ACTIVITY.privatePost, '2026-09-01T11:00:00'), // before the window
    ],
    [thanks('given', '2026-12-01T09:00:00'), thanks('received', '2026-12-02T09:00:00'), thanks('given', '2026-12-02T09:00:00', true)],
    now,
    3,
  );

  it('covers the asked number of weeks, oldest first, this week last', () => {
    expect(weeks.map((w) => w.start)).toEqual([at('2026-11-16T00:00:00'), at('2026-11-23T00:00:00'), at('2026-11-30T00:00:00')]);
  });

  it('counts each kind of event in its week, and private posts by reason', () => {
    expect(weeks[2]).toMatchObject({ mentionsResolved: 12, privatePosts: 3, warningsHeeded: 1, deletionsAvoided: 0, thanksGiven: 1, thanksReceived: 1 });
    expect(weeks[2]!.reasons).toEqual({ Security: 2, [NO_REASON]: 1 });
    expect(weeks[1]).toMatchObject({ deletionsAvoided: 1, privatePosts: 0 });
    expect(weeks[0]!.privatePosts).toBe(0);
  });

  it('says this week in one line, leaving out zeros', () => {
    expect(weekSummary(weeks[2]!)).toBe(
      'This week in the open: 12 mentions resolved, 1 thanks given, 1 thanks received, 3 private posts, 1 warning heeded.',
    );
    expect(weekSummary(weeks[0]!)).toBe('This week in the open: nothing yet.');
  });
});
