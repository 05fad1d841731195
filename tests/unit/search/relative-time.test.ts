import { describe, expect, it } from 'vitest';
import { relativeTime } from '@/lib/search/relative-time';

const at = (iso: string) => Date.parse(iso);

describe('relativeTime', () => {
  it('counts calendar days in the user’s zone, also across a daylight-saving change', () => {
    // Warsaw falls back on Sunday 25 October 2026: that day has 25 hours.
    const now = at('2026-10-26T08:00:00Z'); // Monday 09:00 CET
    expect(relativeTime(at('2026-10-25T07:00:00Z'), now, 'en', 'Europe/Warsaw')).toBe('yesterday'); // Sunday 08:00, 25 hours before
    expect(relativeTime(at('2026-10-24T21:30:00Z'), now, 'en', 'Europe/Warsaw')).toBe('2 days ago'); // Saturday 23:30 CEST
    expect(relativeTime(at('2026-10-24T22:30:00Z'), now, 'en', 'Europe/Warsaw')).toBe('yesterday'); // Sunday 00:30 CEST
    // New York springs forward on 8 March 2026: that Sunday has 23 hours.
    const monday = at('2026-03-09T13:00:00Z'); // Monday 09:00 EDT
    expect(relativeTime(at('2026-03-08T14:00:00Z'), monday, 'en', 'America/New_York')).toBe('yesterday'); // Sunday 10:00 EDT, 23 hours before
    // The same instants in another zone can be another day.
    expect(relativeTime(at('2026-10-24T22:30:00Z'), now, 'en', 'UTC')).toBe('2 days ago');
  });

  it('uses hours and minutes within six hours or the same day, and the user’s language', () => {
    const now = at('2026-12-07T12:00:00Z');
    expect(relativeTime(now - 30e3, now, 'en', 'UTC')).toBe('now');
    expect(relativeTime(now - 5 * 60e3, now, 'en', 'UTC')).toBe('5 minutes ago');
    expect(relativeTime(now - 3 * 3600e3, now, 'en', 'UTC')).toBe('3 hours ago');
    expect(relativeTime(at('2026-12-06T23:00:00Z'), now, 'en', 'UTC')).toBe('yesterday'); // 13 hours, but another day
    expect(relativeTime(at('2026-12-06T05:00:00Z'), now, 'en', 'UTC')).toBe('yesterday');
    expect(relativeTime(at('2026-11-23T12:00:00Z'), now, 'en', 'UTC')).toBe('2 weeks ago');
    expect(relativeTime(at('2026-09-07T12:00:00Z'), now, 'en', 'UTC')).toBe('3 months ago');
    expect(relativeTime(at('2024-12-07T12:00:00Z'), now, 'en', 'UTC')).toBe('2 years ago');
    expect(relativeTime(at('2026-12-05T12:00:00Z'), now, 'de', 'UTC')).toBe('vorgestern');
    expect(relativeTime(at('2026-12-06T05:00:00Z'), now, 'ja', 'UTC')).toBe('昨日');
  });
});
