import { describe, expect, it } from 'vitest';
import { describeLocalNow, describeWait, isKnownTimeZone, localNow, parseWorkingDays, parseWorkingHours, placeOfZone } from '@/lib/people/working-time';

const at = (iso: string) => new Date(iso);
const office = { workingHours: '09:00-17:00', workingDays: 'mon-fri' };

describe('working time', () => {
  it('knows IANA zones (and aliases, any case) and refuses names the browser does not know', () => {
    expect(['Europe/Warsaw', 'europe/warsaw', 'Asia/Kolkata', 'Asia/Calcutta', 'UTC', 'America/Argentina/Buenos_Aires'].map(isKnownTimeZone)).toEqual([true, true, true, true, true, true]);
    expect(['Europe/Warsow', 'Mars/Olympus', '', '+02:00x', 'x'.repeat(65)].map(isKnownTimeZone)).toEqual([false, false, false, false, false]);
  });

  it('names the place from the zone', () => {
    expect(placeOfZone('Europe/Warsaw')).toBe('Warsaw');
    expect(placeOfZone('america/new_york')).toBe('New York');
    expect(placeOfZone('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(placeOfZone('UTC')).toBe('UTC');
  });

  it('reads working hours and days, and refuses what is not that shape', () => {
    expect(parseWorkingHours('09:00-17:30')).toEqual({ start: 540, end: 1050 });
    expect(parseWorkingHours(' 22:00 – 06:00 ')).toEqual({ start: 1320, end: 360 });
    expect(parseWorkingHours('13:00-24:00')).toEqual({ start: 780, end: 1440 });
    expect(['9-17', '09:00-09:00', '25:00-26:00', '09:60-17:00', '9am-5pm', ''].map(parseWorkingHours)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect([...(parseWorkingDays('mon-fri') ?? [])]).toEqual([1, 2, 3, 4, 5]);
    expect([...(parseWorkingDays('Sun-Thu') ?? [])].sort()).toEqual([1, 2, 3, 4, 7]);
    expect([...(parseWorkingDays('mon, wed,fri') ?? [])]).toEqual([1, 3, 5]);
    expect([...(parseWorkingDays('fri-mon') ?? [])].sort()).toEqual([1, 5, 6, 7]);
    expect(['weekdays', 'mon-fri-sat', 'mon,,fri', ''].map(parseWorkingDays)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("gives a person's local time and working state in four zones at one instant", () => {
    const instant = at('2026-12-07T08:40:00Z'); // a Monday
    const line = (timeZone: string) => describeLocalNow(localNow({ timeZone, ...office }, instant, 'en-GB')!);
    expect(line('Europe/Warsaw')).toBe('09:40 in Warsaw, working hours');
    expect(line('Asia/Manila')).toBe('16:40 in Manila, working hours');
    expect(line('America/New_York')).toBe('03:40 in New York, outside working hours');
    expect(line('Asia/Kolkata')).toBe('14:10 in Kolkata, working hours');
    expect(describeLocalNow(localNow({ timeZone: 'Asia/Tokyo' }, instant, 'en-GB')!)).toBe('17:40 in Tokyo');
    expect(localNow({ timeZone: 'America/New_York', ...office }, instant, 'en-US')!.time).toBe('03:40 AM');
    expect(localNow({}, instant)).toBeUndefined();
  });

  it('counts the wait until working hours begin on the person’s own clock, across a DST change', () => {
    // Sunday 25 October 2026, 00:00 in Warsaw (CEST); clocks go back at 03:00 that night.
    const now = localNow({ timeZone: 'Europe/Warsaw', ...office }, at('2026-10-24T22:00:00Z'))!;
    expect(now.working).toBe(false);
    // Monday 09:00 CET is 08:00 UTC: 34 hours, not the 33 a fixed offset would give.
    expect(now.minutesUntilWorking).toBe(34 * 60);
    // New York springs forward on 8 March 2026: Sunday 20:00 EST to Monday 09:00 EDT is 12 hours.
    const spring = localNow({ timeZone: 'America/New_York', ...office }, at('2026-03-09T01:00:00Z'))!;
    expect(spring.minutesUntilWorking).toBe(12 * 60);
  });

  it('keeps a night shift on the day it starts, and a Sunday-to-Thursday week', () => {
    const night = { timeZone: 'UTC', workingHours: '22:00-06:00', workingDays: 'mon-fri' };
    expect(localNow(night, at('2026-12-08T02:00:00Z'))!.working).toBe(true); // Tuesday 02:00, Monday's shift
    expect(localNow(night, at('2026-12-12T02:00:00Z'))!.working).toBe(true); // Saturday 02:00, Friday's shift
    expect(localNow(night, at('2026-12-13T02:00:00Z'))!.working).toBe(false); // Sunday 02:00
    expect(localNow(night, at('2026-12-07T12:00:00Z'))!.minutesUntilWorking).toBe(10 * 60);
    const dubai = { timeZone: 'Asia/Dubai', workingHours: '08:00-16:00', workingDays: 'sun-thu' };
    expect(localNow(dubai, at('2026-12-06T06:00:00Z'))!.working).toBe(true); // Sunday 10:00
    expect(localNow(dubai, at('2026-12-11T06:00:00Z'))!.working).toBe(false); // Friday 10:00
  });

  it('gives working hours without days a Monday-to-Friday week', () => {
    expect(localNow({ timeZone: 'UTC', workingHours: '09:00-17:00' }, at('2026-12-12T10:00:00Z'))!.working).toBe(false); // Saturday
    expect(localNow({ timeZone: 'UTC', workingHours: '09:00-17:00' }, at('2026-12-11T10:00:00Z'))!.working).toBe(true); // Friday
  });

  it('words the wait', () => {
    expect([20, 50, 59, 60, 7 * 60 + 10, 35 * 60, 36 * 60, 3 * 24 * 60].map(describeWait)).toEqual([
      'about 15 minutes',
      'about 45 minutes',
      'about 1 hour',
      'about 1 hour',
      'about 7 hours',
      'about 35 hours',
      'about 2 days',
      'about 3 days',
    ]);
  });
});
