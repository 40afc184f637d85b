import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { initials } from './Avatar';
import { ErrorBoundary } from './ErrorBoundary';

describe('ErrorBoundary', () => {
  it('shows a retry that renders the children again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    function Flaky() {
      if (fail) throw new Error('boom');
      return <p>All good</p>;
    }
    function Harness() {
      const [n] = useState(0);
      return (
        <ErrorBoundary resetKey={n}>
          <Flaky />
        </ErrorBoundary>
      );
    }
    render(<Harness />);
    expect(screen.getByRole('alert')).toHaveTextContent('This part of the page failed to show');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('All good')).toBeInTheDocument();
  });
});

describe('initials', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['  grace   brewster hopper ', 'GB'],
    ['Émilie', 'É'],
    ['', '?'],
  ])('%j → %s', (name, want) => expect(initials(name)).toBe(want));
});
