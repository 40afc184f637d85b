import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates';

describe('formatDate', () => {
  const cases: [string, string, string, string][] = [
    ['calendar date, US English', '2027-01-31', 'en-US', 'Jan 31, 2027'],
    ['calendar date, British English', '2027-01-31', 'en-GB', '31 Jan 2027'],
    ['midnight-UTC DateTime keeps its day', '2028-06-30T00:00:00Z', 'en-US', 'Jun 30, 2028'],
    ['German', '2028-06-30', 'de-DE', '30.06.2028'],
  ];
  for (const [name, input, locale, want] of cases) {
    it(name, () => expect(formatDate(input, locale)).toBe(want));
  }
  it("shows other moments on their day in the reader's time zone", () => {
    expect(formatDate('2027-01-31T23:30:00Z', 'en-US', 'Asia/Tokyo')).toBe('Feb 1, 2027');
    expect(formatDate('2027-01-31T23:30:00Z', 'en-US', 'America/New_York')).toBe('Jan 31, 2027');
  });
  it('gives back what it cannot read instead of "Invalid Date"', () => {
    expect(formatDate('soon', 'en-US')).toBe('soon');
  });
  it('uses the same date style as a date-time', () => {
    expect(formatDateTime('2027-01-31T14:05:00Z', 'en-US', 'UTC')).toBe(
      `${formatDate('2027-01-31', 'en-US')}, 2:05 PM`,
    );
  });
});
