import { describe, expect, it } from 'vitest';
import { categoryLabel, gapRows, gapStatusLabel } from './planner';

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
  it('names statuses and categories in words', () => {
    expect(gapStatusLabel('under')).toBe('below the required level');
    expect(categoryLabel('SOFTWARE')).toBe('Software');
    expect(categoryLabel('HR')).toBe('HR');
  });
});
