import { describe, expect, it } from 'vitest';
import { changedFields, validateProfile, type ProfileValues } from './profile';

const base: ProfileValues = { displayName: 'Ada', headline: '', location: 'Lisbon', avatarUrl: '' };

describe('validateProfile', () => {
  const cases: [string, Partial<ProfileValues>, Record<string, string>][] = [
    ['valid', {}, {}],
    ['empty name', { displayName: '  ' }, { displayName: 'Enter your name.' }],
    ['long headline', { headline: 'x'.repeat(161) }, { headline: 'Use at most 160 characters.' }],
    [
      'http avatar',
      { avatarUrl: 'http://example.com/a.png' },
      { avatarUrl: 'Use an https:// address of an image.' },
    ],
    ['not a URL', { avatarUrl: 'me.png' }, { avatarUrl: 'Use an https:// address of an image.' }],
    ['https avatar', { avatarUrl: 'https://example.com/a.png' }, {}],
  ];
  for (const [name, patch, want] of cases) {
    it(name, () => expect(validateProfile({ ...base, ...patch })).toEqual(want));
  }
});

describe('changedFields', () => {
  it('sends only what changed, trimmed', () => {
    expect(changedFields(base, { ...base, headline: ' Data engineer ', location: 'Lisbon ' })).toEqual({
      headline: 'Data engineer',
    });
  });
  it('clearing a field sends an empty string (the API clears it)', () => {
    expect(changedFields(base, { ...base, location: '' })).toEqual({ location: '' });
  });
});
