import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gapRows } from '../api/planner';
import { GapChart } from './GapChart';

describe('GapChart', () => {
  it('gives screen readers each skill with both levels and its status', () => {
    const rows = gapRows({
      matched: [{ name: 'Git', level: 3, requiredLevel: 3 }],
      missing: [{ name: 'Kafka', level: 0, requiredLevel: 2 }],
      underLevel: [{ name: 'SQL', level: 2, requiredLevel: 4 }],
    });
    render(<GapChart title="Gap for Data Engineer" rows={rows} />);
    const table = screen.getByRole('table', { name: 'Gap for Data Engineer' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'SkillYour levelRequired levelStatus',
      'Kafka02missing',
      'SQL24below the required level',
      'Git33matched',
    ]);
  });
});
