const HOUR = 3600e3;
const MINUTE = 60e3;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day `ms` falls on in `timeZone`, as a day count (so two days subtract). */
function calendarDay(ms: number, timeZone: string | undefined): number {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) dayFormats.set(key, (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })));
  const parts = format.formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / (24 * HOUR);
}

/**
 * "3 days ago", "yesterday", "2 hours ago", "now", in the user's locale. Days, weeks, months
 * and years count calendar days in the user's time zone, not 24-hour spans, so "yesterday" is the
 * day before today also across a daylight-saving change (a 23- or 25-hour day).
 */
export function relativeTime(ms: number, now = Date.now(), locale?: string, timeZone?: string): string {
  const diff = ms - now;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const days = calendarDay(ms, timeZone) - calendarDay(now, timeZone);
  if (days === 0 || Math.abs(diff) < 6 * HOUR) {
    if (Math.abs(diff) >= HOUR) return format.format(Math.round(diff / HOUR), 'hour');
    if (Math.abs(diff) >= MINUTE) return format.format(Math.round(diff / MINUTE), 'minute');
    return format.format(0, 'second');
  }
  if (Math.abs(days) < 7) return format.format(days, 'day');
  if (Math.abs(days) < 30) return format.format(Math.round(days / 7), 'week');
  if (Math.abs(days) < 365) return format.format(Math.round(days / 30.44), 'month');
  return format.format(Math.round(days / 365.25), 'year');
}
