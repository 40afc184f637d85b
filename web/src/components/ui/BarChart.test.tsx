import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart';

describe('BarChart', () => {
  it('gives screen readers the numbers as a table', () => {
    render(
      <BarChart
        title="Minutes learned per day"
        unit="minutes"
        data={[
          { label: 'Mon', value: 30 },
          { label: 'Tue', value: 0 },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Minutes learned per day' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['LabelValue (minutes)', 'Mon30', 'Tue0']);
  });
});
