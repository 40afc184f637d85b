import { describe, expect, it } from 'vitest';
import { catalogueVariables, progressReport, readCatalogue, writeCatalogue } from './courses';

describe('progressReport', () => {
  it.each([
    ['a step with hours', 20, '40', '1.5', { percent: 40, hoursSpent: 1.5 }],
    ['a step without hours', 20, '40', '', { percent: 40, hoursSpent: null }],
    ['hours at the same percent', 40, '40', '2', { percent: 40, hoursSpent: 2 }],
    ['completing', 90, '100', '', { percent: 100, hoursSpent: null }],
  ])('accepts %s', (_, current, pct, hours, want) => {
    expect(progressReport(current, pct, hours)).toEqual(want);
  });
  it.each([
    ['backwards', 50, '40', '', /only moves forward/],
    ['over 100', 0, '101', '', /0 to 100/],
    ['a fraction', 0, '12.5', '', /whole percent/],
    ['empty', 0, '', '', /whole percent/],
    ['negative hours', 0, '10', '-1', /hours/],
    ['too many hours', 0, '10', '201', /0 to 200/],
    ['nothing new', 30, '30', '', /Nothing to report/],
  ])('refuses %s', (_, current, pct, hours, msg) => {
    const r = progressReport(current, pct, hours);
    expect('error' in r && r.error).toMatch(msg);
  });
});

describe('catalogue state in the URL', () => {
  it('round-trips a search with a page', () => {
    const s = { q: 'kubernetes', level: 'ADVANCED' as const, free: true, page: 3, after: 'abc' };
    const p = writeCatalogue(new URLSearchParams('tab=x'), s);
    expect(p.get('tab')).toBe('x');
    expect(readCatalogue(p)).toEqual(s);
    expect(catalogueVariables(s)).toEqual({
      search: 'kubernetes',
      level: 'ADVANCED',
      free: true,
      after: 'abc',
    });
  });
  it('drops what is not valid', () => {
    expect(readCatalogue(new URLSearchParams('level=EXPERT&page=-2&after=x&free=yes'))).toEqual({
      q: '',
      level: '',
      free: false,
      page: 1,
      after: '',
    });
    // A page without its cursor is the first page.
    expect(readCatalogue(new URLSearchParams('page=4')).page).toBe(1);
  });
  it('a new search starts on the first page and leaves no cursor behind', () => {
    const p = writeCatalogue(new URLSearchParams('q=go&page=2&after=c'), {
      q: 'python',
      level: '',
      free: false,
      page: 1,
      after: '',
    });
    expect(p.toString()).toBe('q=python');
  });
});
