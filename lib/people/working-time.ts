import { t, tn } from '../i18n/t';

/**
 * A person's local time and working hours (docs/contract.md section 4: `timeZone`, `workingHours`,
 * `workingDays`). Plain Intl work, no time-zone tables of our own: the browser's ICU knows every IANA
 * zone and its daylight-saving rules, so local times stay right across DST changes.
 */

/** What the directory says about when a person works. */
export interface WorkingTime {
  timeZone?: string;
  workingHours?: string;
  workingDays?: string;
}

/** A person's working-time fields alone, with the absent ones left out (for cards and suggestions). */
export function workingTimeOf(person: WorkingTime): WorkingTime {
  const time: WorkingTime = {};
  if (person.timeZone) time.timeZone = person.timeZone;
  if (person.workingHours) time.workingHours = person.workingHours;
  if (person.workingDays) time.workingDays = person.workingDays;
  return time;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Working hours given without days mean a Monday-to-Friday week. */
const DEFAULT_DAYS = 'mon-fri';
const MINUTES_A_DAY = 24 * 60;

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

/** The formatter that reads wall-clock parts in a zone, or null for a name the browser does not know. */
function zoneFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = zoneFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      format = null;
    }
    if (zoneFormats.size > 500) zoneFormats.clear();
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** Whether the browser knows this IANA zone name ("Europe/Warsaw"; aliases and any letter case too). */
export function isKnownTimeZone(name: string): boolean {
  return name.length > 0 && name.length <= 64 && zoneFormat(name) !== null;
}

/**
 * "Europe/Warsaw" → "Warsaw", "America/Argentina/Buenos_Aires" → "Buenos Aires"; "UTC" stays. From the
 * name as the directory gives it: ICU's own canonical names are the old ones (Asia/Kolkata → Calcutta).
 */
export function placeOfZone(timeZone: string): string {
  const last = timeZone.trim().split('/').pop() ?? timeZone;
  const words = last.split('_');
  const written = last === last.toLowerCase() && timeZone.includes('/') ? words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)) : words;
  return written.join(' ');
}

/** Start and end of the working day in minutes after midnight; an end before the start is a night shift. */
export interface Hours {
  start: number;
  end: number;
}

const HOURS = /^(\d{1,2}):([0-5]\d)\s*[-–]\s*(\d{1,2}):([0-5]\d)$/;

/** "09:00-17:30" (24-hour clock); undefined when it is not that shape. */
export function parseWorkingHours(text: string): Hours | undefined {
  const match = HOURS.exec(text.trim());
  if (!match) return undefined;
  const [startHour, startMinute, endHour, endMinute] = match.slice(1).map(Number) as [number, number, number, number];
  if (startHour > 23 || endHour > 24 || (endHour === 24 && endMinute > 0)) return undefined;
  const start = startHour * 60 + startMinute;
  const end = endHour * 60 + endMinute;
  return start === end ? undefined : { start, end };
}

/** "mon-fri", "sun-thu", "mon,wed,fri" (any case, spaces allowed) → ISO day numbers (1 = Monday). */
export function parseWorkingDays(text: string): Set<number> | undefined {
  const days = new Set<number>();
  for (const part of text.toLowerCase().replaceAll(' ', '').split(',')) {
    const [from, to, extra] = part.split(/[-–]/);
    const first = DAYS.indexOf(from as (typeof DAYS)[number]);
    const last = to === undefined ? first : DAYS.indexOf(to as (typeof DAYS)[number]);
    if (first < 0 || last < 0 || extra !== undefined) return undefined;
    for (let day = first; ; day = (day + 1) % 7) {
      days.add(day + 1);
      if (day === last) break;
    }
  }
  return days.size > 0 ? days : undefined;
}

/** Wall-clock time in a zone: ISO weekday, minutes after midnight. */
export interface LocalClock {
  weekday: number;
  minutes: number;
}

export function localClock(timeZone: string, at: Date): LocalClock | undefined {
  const format = zoneFormat(timeZone);
  if (!format) return undefined;
  let weekday = 0;
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(at)) {
    if (part.type === 'weekday') weekday = DAYS.indexOf(part.value.toLowerCase() as (typeof DAYS)[number]) + 1;
    else if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return weekday > 0 ? { weekday, minutes: hour * 60 + minute } : undefined;
}

function isWorking(clock: LocalClock, hours: Hours, days: ReadonlySet<number>): boolean {
  if (hours.start < hours.end) return days.has(clock.weekday) && clock.minutes >= hours.start && clock.minutes < hours.end;
  // A night shift belongs to the day it starts on.
  if (clock.minutes >= hours.start) return days.has(clock.weekday);
  return clock.minutes < hours.end && days.has(clock.weekday === 1 ? 7 : clock.weekday - 1);
}

/** Where a person is now: their local time, and whether within working hours (undefined: not known). */
export interface LocalNow {
  timeZone: string;
  place: string;
  /** The local time in the viewer's own locale ("09:40", "9:40 AM"). */
  time: string;
  working?: boolean;
  /** Minutes until working hours begin, when outside them and they begin within a week. */
  minutesUntilWorking?: number;
}

const STEP_MINUTES = 15;

/** A person's local time now, or undefined when the directory gives no (known) zone. */
export function localNow(person: WorkingTime, at: Date, locale?: string): LocalNow | undefined {
  if (!person.timeZone) return undefined;
  const clock = localClock(person.timeZone, at);
  if (!clock) return undefined;
  const time = new Intl.DateTimeFormat(locale, { timeZone: person.timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
  const result: LocalNow = { timeZone: person.timeZone, place: placeOfZone(person.timeZone), time };
  const hours = person.workingHours ? parseWorkingHours(person.workingHours) : undefined;
  const days = parseWorkingDays(person.workingDays ?? DEFAULT_DAYS);
  if (!hours || !days) return result;
  result.working = isWorking(clock, hours, days);
  if (!result.working) {
    // Walk the person's own clock forward, so a DST change on the way is counted as it happens there.
    for (let minutes = STEP_MINUTES; minutes <= 8 * MINUTES_A_DAY; minutes += STEP_MINUTES) {
      const later = localClock(person.timeZone, new Date(at.getTime() + minutes * 60_000));
      if (later && isWorking(later, hours, days)) {
        result.minutesUntilWorking = minutes;
        break;
      }
    }
  }
  return result;
}

/** "09:40 in Warsaw". */
export function describeWhere(now: LocalNow): string {
  return t('localTimeIn', now.time, now.place);
}

/** "09:40 in Warsaw, working hours" / "02:14 in Manila, outside working hours" / "09:40 in Warsaw". */
export function describeLocalNow(now: LocalNow): string {
  const where = describeWhere(now);
  if (now.working === undefined) return where;
  return t(now.working ? 'localWorking' : 'localOutside', where);
}

/** "about 7 hours", "about 45 minutes", "about 2 days". */
export function describeWait(minutes: number): string {
  const quarters = Math.max(STEP_MINUTES, Math.round(minutes / STEP_MINUTES) * STEP_MINUTES);
  if (quarters < 60) return tn('waitMinutes', quarters);
  const hours = Math.round(minutes / 60);
  if (hours < 36) return tn('waitHours', hours);
  return tn('waitDays', Math.round(minutes / MINUTES_A_DAY));
}

/** Whether a BCP 47 language tag is well-formed ("pl-PL", "ja"). */
export function isLanguageTag(text: string): boolean {
  try {
    return text.length > 0 && text.length <= 35 && Intl.getCanonicalLocales(text).length === 1;
  } catch {
    return false;
  }
}

/** The directory's fields about time and language, each checked by workingTimeProblem. */
export const TIME_FIELDS = ['timeZone', 'workingHours', 'workingDays', 'locale'] as const;
export type TimeField = (typeof TIME_FIELDS)[number];

/** Why a working-time field is not valid, in words an admin can act on; undefined when it is. */
export function workingTimeProblem(field: TimeField, value: string): string | undefined {
  switch (field) {
    case 'locale':
      return isLanguageTag(value) ? undefined : `"${value}" is not a language tag: use a BCP 47 tag such as pl-PL or ja`;
    case 'timeZone':
      return isKnownTimeZone(value) ? undefined : `"${value}" is not a time zone: use an IANA name such as Europe/Warsaw or America/New_York`;
    case 'workingHours':
      return parseWorkingHours(value) ? undefined : `"${value}" is not working hours: write start and end on a 24-hour clock, such as 09:00-17:30`;
    case 'workingDays':
      return parseWorkingDays(value) ? undefined : `"${value}" is not a list of days: write a range such as mon-fri or days such as mon,wed,fri`;
  }
}
