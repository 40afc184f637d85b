import { describe, expect, it } from 'vitest';
import { describeGrowth, formatCount, formatGrowth, formatMoney, goalRoleId } from './market';

const f = (value: number, atLeast = false) => ({ value, unit: 'USD per year', atLeast });

describe('market figures in words', () => {
  it('formats pay, marking top-coded values', () => {
    expect(formatMoney(f(135980))).toBe('$135,980');
    expect(formatMoney(f(239200, true))).toBe('$239,200 or more');
    expect(formatMoney(f(52000.6))).toBe('$52,001');
  });
  it('signs growth and names its band', () => {
    expect(formatGrowth(f(9))).toBe('+9%');
    expect(formatGrowth(f(-3.44))).toBe('-3.4%');
    expect(formatGrowth(f(0))).toBe('0%');
    expect(describeGrowth(9)).toBe('much faster than average');
    expect(describeGrowth(5)).toBe('faster than average');
    expect(describeGrowth(3)).toBe('about as fast as average');
    expect(describeGrowth(0)).toBe('little or no change');
    expect(describeGrowth(-4)).toBe('declining');
  });
  it('formats counts', () => {
    expect(formatCount(f(9500))).toBe('9,500');
  });
});

describe('goalRoleId', () => {
  const g = (status: string, role: string) => ({ status, targetRole: { id: role } });
  const cases: [string, ReturnType<typeof g>[], string][] = [
    ['no goals: no role', [], ''],
    [
      "the active goal's role",
      [g('ACHIEVED', 'data-analyst'), g('ACTIVE', 'data-scientist')],
      'data-scientist',
    ],
    [
      'paused or achieved goals do not choose',
      [g('PAUSED', 'ml-engineer'), g('ACHIEVED', 'data-analyst')],
      '',
    ],
  ];
  for (const [name, goals, want] of cases) {
    it(name, () => expect(goalRoleId(goals)).toBe(want));
  }
});
