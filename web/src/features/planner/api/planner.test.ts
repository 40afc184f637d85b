import { describe, expect, it } from 'vitest';
import { gapRows, gapStatusLabel, goalHref, openGoalFor, skillSourceLabel } from './planner';

describe('skill gap rows', () => {
  it('lists missing, then under level by shortfall, then matched', () => {
    const rows = gapRows({
      matched: [{ name: 'Git', level: 4, requiredLevel: 3 }],
      missing: [{ name: 'Kafka', level: 0, requiredLevel: 2 }],
      underLevel: [
        { name: 'Python', level: 2, requiredLevel: 3 },
        { name: 'SQL', level: 1, requiredLevel: 4 },
      ],
    });
    expect(rows.map((r) => `${r.name}:${r.status}`)).toEqual([
      'Kafka:missing',
      'SQL:under',
      'Python:under',
      'Git:matched',
    ]);
    expect(rows[0]?.level).toBe(0);
  });
  it('names statuses and skill sources in words', () => {
    expect(gapStatusLabel('under')).toBe('below the required level');
    expect(skillSourceLabel('ONET_SKILL')).toBe('O*NET skill rating');
    expect(skillSourceLabel('RELATED_OCCUPATIONS')).toBe('ratings of related occupations');
    expect(skillSourceLabel('CATALOGUE')).toBe('Career Coach role');
  });
});

describe('openGoalFor', () => {
  const goal = (id: string, role: string, status: string) => ({ id, status, targetRole: { id: role } });
  const goals = [
    goal('1', 'data-scientist', 'ACHIEVED'),
    goal('2', 'data-scientist', 'ABANDONED'),
    goal('3', 'ml-engineer', 'PAUSED'),
    goal('4', 'data-scientist', 'ACTIVE'),
  ];
  const cases: [string, string, string | undefined][] = [
    ['an active goal for the role opens', 'data-scientist', '4'],
    ['a paused goal for the role opens', 'ml-engineer', '3'],
    ['no goal for the role: create one', 'data-engineer', undefined],
  ];
  for (const [name, role, want] of cases) {
    it(name, () => expect(openGoalFor(goals, role)?.id).toBe(want));
  }
  it('achieved and abandoned goals do not count', () => {
    expect(openGoalFor(goals.slice(0, 2), 'data-scientist')).toBeUndefined();
  });
  it('links to the goal on the goals page', () => {
    expect(goalHref('4')).toBe('/goals#goal-4');
  });
});
