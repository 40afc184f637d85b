// One date format for the whole app: the reader's locale, dateStyle 'medium' ("Jan 31, 2027",
// "31 Jan 2027"). Calendar dates ("2027-01-31") and midnight-UTC DateTimes (how the API stores a
// goal's target date) are shown in UTC so they never move a day with the reader's time zone; any
// other moment is shown in the reader's time zone.

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

function parse(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(dateOnly.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const isCalendarDate = (value: string | Date, d: Date) =>
  (typeof value === 'string' && dateOnly.test(value)) || d.getTime() % 86_400_000 === 0;

/** The day of a date or moment in the reader's locale. */
export function formatDate(value: string | Date, locale?: string, timeZone?: string): string {
  const d = parse(value);
  if (!d) return String(value);
  const zone = isCalendarDate(value, d) ? 'UTC' : timeZone;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(d);
}

/** A moment (an upload, a sign-in) in the reader's locale and time zone: the same date, then the time. */
export function formatDateTime(value: string | Date, locale?: string, timeZone?: string): string {
  const d = parse(value);
  if (!d) return String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}
