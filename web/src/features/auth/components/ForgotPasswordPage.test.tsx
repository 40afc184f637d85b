import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serve } from '@/test/fetch';
import { renderAt } from '@/test/render';
import { ForgotPasswordPage } from './ForgotPasswordPage';

describe('ForgotPasswordPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('focuses the email field when it is not an address, and sends nothing', async () => {
    const calls = serve({});
    renderAt('/forgot-password', '/forgot-password', <ForgotPasswordPage />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    const field = screen.getByLabelText('Email');
    await vi.waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription('Enter a valid email address.');
    expect(calls).toEqual([]);
  });

  it('says the same thing for any address and offers the development mailbox', async () => {
    const calls = serve({
      'POST /auth/password/forgot': () => json(202, { status: 'sent' }),
      'GET /auth/dev/mailbox': () => json(200, []),
    });
    renderAt('/forgot-password', '/forgot-password', <ForgotPasswordPage />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    await vi.waitFor(async () =>
      expect(await screen.findByRole('heading', { level: 1, name: 'Check your inbox' })).toHaveFocus(),
    );
    expect(screen.getByText(/If an account uses/)).toHaveTextContent(
      'If an account uses ada@example.com, we sent it a link to choose a new password. The link works for 30 minutes and only once.',
    );
    expect(await screen.findByRole('link', { name: 'Open the development mailbox' })).toBeInTheDocument();
    expect(calls[0]).toMatchObject({ url: '/auth/password/forgot', body: { email: 'ada@example.com' } });

    // Another link: back to the form, the address kept.
    await userEvent.click(screen.getByRole('button', { name: 'ask for another link' }));
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
  });

  it('starts with the address typed on the sign-in page', () => {
    serve({});
    renderAt(
      { pathname: '/forgot-password', state: { email: 'grace@example.com' } },
      '/forgot-password',
      <ForgotPasswordPage />,
    );
    expect(screen.getByLabelText('Email')).toHaveValue('grace@example.com');
  });

  it('explains throttling and moves focus to the explanation', async () => {
    serve({
      'POST /auth/password/forgot': () =>
        json(
          429,
          { error: { code: 'RATE_LIMITED', message: 'too many reset requests' } },
          { 'Retry-After': '900' },
        ),
    });
    renderAt('/forgot-password', '/forgot-password', <ForgotPasswordPage />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many reset requests (about 15 minutes).');
    await vi.waitFor(() => expect(alert).toHaveFocus());
  });
});
