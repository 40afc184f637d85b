import { describe, expect, it } from 'vitest';
import { byAction, checkAd, MAX_AD_BYTES } from './jobmatch';

describe('checkAd', () => {
  const cases: [string, string, string, string, string | null][] = [
    ['an ad', 'Requirements: Go', '', '', null],
    ['empty', '   ', '', '', 'Paste the text of the job ad.'],
    ['too long in bytes', 'é'.repeat(MAX_AD_BYTES / 2 + 1), '', '', 'The ad is over 30,000 bytes'],
    ['long title', 'Go', 't'.repeat(201), '', 'The title and company must be at most 200 characters.'],
  ];
  for (const [name, text, title, company, want] of cases) {
    it(name, () => {
      const got = checkAd(text, title, company);
      if (want === null) expect(got).toBeNull();
      else expect(got).toContain(want);
    });
  }
});

describe('byAction', () => {
  it('puts missing items with the biggest gain first, met last', () => {
    const items = [
      { name: 'a', status: 'MET', gain: 0, required: true },
      { name: 'b', status: 'MISSING', gain: 3, required: false },
      { name: 'c', status: 'MISSING', gain: 9, required: true },
      { name: 'd', status: 'PARTLY_MET', gain: 20, required: true },
    ];
    expect(byAction(items).map((i) => i.name)).toEqual(['c', 'b', 'd', 'a']);
  });
});
