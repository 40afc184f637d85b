import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReadinessChart } from './ReadinessChart';

describe('ReadinessChart', () => {
  it('gives screen readers every point as a table, oldest first', () => {
    render(
      <ReadinessChart
        roleTitle="Data Scientist"
        points={[
          { readinessPercent: 61, at: '2026-12-03T10:00:00Z' },
          { readinessPercent: 42, at: '2026-12-01T10:00:00Z' },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Readiness for Data Scientist over time (%)' });
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getByRole('cell').textContent);
    expect(cells).toEqual(['42', '61']);
    expect(screen.getByText('61% now, up 19 points since the first of 2 points.')).toBeInTheDocument();
  });
});
