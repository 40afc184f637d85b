import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LevelChart } from './LevelChart';

describe('LevelChart', () => {
  it('lists every assessment in time order for screen readers', () => {
    render(
      <LevelChart
        skill="SQL"
        points={[
          { level: 3, source: 'QUIZ', at: '2026-12-01T10:00:00Z' },
          { level: 2, source: 'SELF', at: '2026-11-02T10:00:00Z' },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'SQL: level over time (1–5)' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['DateLevelHow', '2026-11-022self-rating', '2026-12-013quiz']);
  });
});
