import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth';
import { json, serve, sessionJSON, type Call } from '@/test/fetch';
import { renderAt } from '@/test/render';
import { ChangeEmail } from './ChangeEmail';
import { ChangePassword } from './ChangePassword';

const user = { id: 'u1', email: 'ada@example.com', displayName: 'Ada', emailVerified: true };
const wrong = () =>
  json(401, { error: { code: 'UNAUTHENTICATED', message: 'the current password is wrong' } });

async function signedIn(routes: Parameters<typeof serve>[0]): Promise<Call[]> {
  const calls = serve({ 'POST /auth/login': () => sessionJSON(user), ...routes });
  await session.signIn(user.email, 'violet-Harbour-42');
  return calls;
}

describe('ChangePassword', () => {
  beforeEach(() => renderAt('/profile', '/profile', <ChangePassword email={user.email} />));
  afterEach(() => {
    session.ended();
    vi.unstubAllGlobals();
  });

  async function change(current: string, next: string, confirm = next) {
    if (current) await userEvent.type(screen.getByLabelText('Current password'), current);
    await userEvent.type(screen.getByLabelText('New password'), next);
    await userEvent.type(screen.getByLabelText('Confirm new password'), confirm);
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
  }

  it('changes the password with the current one and the access token, then says so', async () => {
    const calls = await signedIn({
      'POST /auth/password/change': () => json(200, { accessToken: 'token-2', expiresIn: 900, user }),
    });
    await change('violet-Harbour-42', 'indigo-Lantern-77');
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Your password was changed. Every other device was signed out.');
    await vi.waitFor(() => expect(status).toHaveFocus());
    expect(calls[1]).toMatchObject({
      url: '/auth/password/change',
      body: { currentPassword: 'violet-Harbour-42', newPassword: 'indigo-Lantern-77' },
      authorization: 'Bearer token-1',
    });
    // This tab keeps the new session the server answered with.
    expect(session.accessToken()).toBe('token-2');
    expect(screen.getByLabelText('Current password')).toHaveValue('');
  });

  it('puts a wrong current password beside its field and keeps the new one', async () => {
    await signedIn({ 'POST /auth/password/change': wrong });
    await change('not-it-at-all', 'indigo-Lantern-77');
    const field = screen.getByLabelText('Current password');
    await vi.waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription('The current password is wrong.');
    expect(screen.getByLabelText('New password')).toHaveValue('indigo-Lantern-77');
    expect(session.accessToken()).toBe('token-1');
  });

  it('asks for the current password before sending anything', async () => {
    const calls = await signedIn({});
    await change('', 'indigo-Lantern-77');
    const field = screen.getByLabelText('Current password');
    await vi.waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription('Enter your current password.');
    expect(calls).toHaveLength(1); // only the sign-in
  });

  it('shows an ended session as an alert, not as a wrong password', async () => {
    await signedIn({
      'POST /auth/password/change': () =>
        json(401, { error: { code: 'UNAUTHENTICATED', message: 'your session expired; sign in again' } }),
    });
    await change('violet-Harbour-42', 'indigo-Lantern-77');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your session expired; sign in again.');
    expect(screen.getByLabelText('Current password')).not.toHaveAttribute('aria-invalid');
  });

  it('explains that an account without a password sets one through a reset', async () => {
    await signedIn({
      'POST /auth/password/change': () =>
        json(400, {
          error: {
            code: 'BAD_USER_INPUT',
            message:
              'this account signs in with Google or Microsoft and has no password yet; use “Forgot password?” to set one',
          },
        }),
    });
    await change('anything-at-all', 'indigo-Lantern-77');
    expect(await screen.findByRole('alert')).toHaveTextContent('has no password yet');
    expect(screen.getByLabelText('New password')).not.toHaveAttribute('aria-invalid');
  });

  it('refuses a new password that breaks a rule before sending', async () => {
    const calls = await signedIn({});
    await change('violet-Harbour-42', 'short');
    await vi.waitFor(() => expect(screen.getByLabelText('New password')).toHaveFocus());
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('Choose a password that meets every rule.'),
    );
    expect(calls).toHaveLength(1);
  });
});

describe('ChangeEmail', () => {
  beforeEach(() => renderAt('/profile', '/profile', <ChangeEmail email={user.email} />));
  afterEach(() => {
    session.ended();
    vi.unstubAllGlobals();
  });

  async function change(next: string, current: string) {
    await userEvent.type(screen.getByLabelText('New email'), next);
    await userEvent.type(screen.getByLabelText('Current password'), current);
    await userEvent.click(screen.getByRole('button', { name: 'Send confirmation link' }));
  }

  it('sends a link to the new address and says the email changes when it is followed', async () => {
    const calls = await signedIn({
      'POST /auth/email/change': () => json(202, { status: 'verification_sent' }),
      'GET /auth/dev/mailbox': () => json(200, []),
    });
    await change('grace@example.com', 'violet-Harbour-42');
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(
      'We sent a link to grace@example.com. Your email changes when you follow it (within 24 hours); until then you sign in with ada@example.com.',
    );
    await vi.waitFor(() => expect(status).toHaveFocus());
    expect(calls[1]).toMatchObject({
      url: '/auth/email/change',
      body: { currentPassword: 'violet-Harbour-42', newEmail: 'grace@example.com' },
      authorization: 'Bearer token-1',
    });
    expect(await screen.findByRole('link', { name: 'Open the development mailbox' })).toBeInTheDocument();
    // Nothing changes in this tab until the link is followed.
    expect(session.getState()).toEqual({ status: 'signedIn', user });
  });

  it('puts a wrong current password beside its field', async () => {
    await signedIn({ 'POST /auth/email/change': wrong });
    await change('grace@example.com', 'not-it-at-all');
    const field = screen.getByLabelText('Current password');
    await vi.waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription('The current password is wrong.');
  });

  it.each([
    ['not an address', 'grace', 'Enter a valid email address.'],
    ['the current address', 'ADA@example.com', 'That is already your email address.'],
  ])('refuses %s before sending', async (_name, next, message) => {
    const calls = await signedIn({});
    await change(next, 'violet-Harbour-42');
    const field = screen.getByLabelText('New email');
    await vi.waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription(message);
    expect(calls).toHaveLength(1);
  });

  it('shows a server refusal of the new address as an alert', async () => {
    await signedIn({
      'POST /auth/email/change': () =>
        json(400, { error: { code: 'BAD_USER_INPUT', message: 'enter a valid email address' } }),
    });
    await change('grace@example.com', 'violet-Harbour-42');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Enter a valid email address.');
    await vi.waitFor(() => expect(alert).toHaveFocus());
  });
});
