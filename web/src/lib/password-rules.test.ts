import { describe, expect, it } from 'vitest';
import { passwordOK, passwordRules } from './password-rules';

describe('passwordRules', () => {
  const failing = (pw: string, email = 'ada@example.com') =>
    passwordRules(pw, email)
      .filter((r) => !r.ok)
      .map((r) => r.id);
  const cases: [string, string, string, string[]][] = [
    ['good', 'violet-Harbour-42', 'ada@example.com', []],
    ['short', 'short-1', 'ada@example.com', ['min']],
    ['one repeated character', 'aaaaaaaaaaaa', 'ada@example.com', ['repeat']],
    ['contains the email name', 'xx-lovelace-2024', 'lovelace@example.com', ['email']],
    ['short email names are allowed inside', 'ada-harbour-42', 'ada@example.com', []],
    ['too long', 'ab'.repeat(65), 'ada@example.com', ['max']],
  ];
  for (const [name, pw, email, want] of cases) {
    it(name, () => expect(failing(pw, email)).toEqual(want));
  }

  it('passwordOK agrees with the rules', () => {
    expect(passwordOK('violet-Harbour-42', 'ada@example.com')).toBe(true);
    expect(passwordOK('short', 'ada@example.com')).toBe(false);
  });
});
