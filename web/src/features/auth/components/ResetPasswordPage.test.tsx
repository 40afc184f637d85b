import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth';
import { json, serve, sessionJSON } from '@/test/fetch';
import { renderAt } from '@/test/render';
import { ResetPasswordPage } from './ResetPasswordPage';

const user = { id: 'u1', email: 'ada@example.com', displayName: 'Ada', emailVerified: true };

async function choose(password: string, confirm = password) {
  await userEvent.type(screen.getByLabelText('New password'), password);
  await userEvent.type(screen.getByLabelText('Confirm new password'), confirm);
  await userEvent.click(screen.getByRole('button', { name: 'Save new password' }));
}

describe('ResetPasswordPage', () => {
  afterEach(() => {
    session.ended();
    vi.unstubAllGlobals();
  });

  it('sets the new password with the link’s token, signs in and goes to the dashboard', async () => {
    const calls = serve({ 'POST /auth/password/reset': () => sessionJSON(user) });
    renderAt('/reset-password?token=tok-123', '/reset-password', <ResetPasswordPage />);
    await choose('indigo-Lantern-77');
    expect(await screen.findByRole('heading', { name: 'Dashboard page' })).toBeInTheDocument();
    expect(calls[0]).toMatchObject({ body: { token: 'tok-123', password: 'indigo-Lantern-77' } });
    expect(session.getState()).toEqual({ status: 'signedIn', user });
  });

  it('catches a mistyped confirmation before sending', async () => {
    const calls = serve({});
    renderAt('/reset-password?token=tok-123', '/reset-password', <ResetPasswordPage />);
    await choose('indigo-Lantern-77', 'indigo-Lantern-78');
    const confirm = screen.getByLabelText('Confirm new password');
    await vi.waitFor(() => expect(confirm).toHaveFocus());
    expect(confirm).toHaveAccessibleDescription('The two passwords differ.');
    expect(calls).toEqual([]);
  });

  it('offers a new link when the link has expired or was used', async () => {
    serve({
      'POST /auth/password/reset': () =>
        json(400, { error: { code: 'BAD_USER_INPUT', message: 'this link is invalid or has expired' } }),
    });
    renderAt('/reset-password?token=old', '/reset-password', <ResetPasswordPage />);
    await choose('indigo-Lantern-77');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This link is invalid or has expired.');
    await vi.waitFor(() => expect(alert).toHaveFocus());
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
    expect(session.getState().status).not.toBe('signedIn');
  });

  it('puts a refused password beside the field', async () => {
    serve({
      'POST /auth/password/reset': () =>
        json(400, {
          error: { code: 'BAD_USER_INPUT', message: 'this password is too common; choose another' },
        }),
    });
    renderAt('/reset-password?token=tok', '/reset-password', <ResetPasswordPage />);
    await choose('password123456');
    const field = screen.getByLabelText('New password');
    await vi.waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('This password is too common; choose another.'),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains that the page needs the emailed link', () => {
    serve({});
    renderAt('/reset-password', '/reset-password', <ResetPasswordPage />);
    expect(screen.getByRole('alert')).toHaveTextContent('This page needs the link from your email.');
    expect(screen.queryByLabelText('New password')).toBeNull();
  });
});
