import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth';
import { json, serve, sessionJSON } from '@/test/fetch';
import { renderApp } from '@/test/app';

const user = { id: 'u1', email: 'ada@example.com', displayName: 'Ada Lovelace' };
const signedOut = () =>
  json(401, { error: { code: 'UNAUTHENTICATED', message: 'session expired; sign in again' } });

describe('account recovery in the app', () => {
  // Lazy pages that load for longer than the route announcer waits (2 s, on a
  // busy machine) would lose the heading focus these tests check.
  beforeAll(async () => {
    await import('@/features/auth/components/ForgotPasswordPage');
    await import('@/features/auth/components/SignInPage');
  });
  afterEach(() => {
    session.ended();
    vi.unstubAllGlobals();
  });

  it('links "Forgot password?" from sign-in, carrying the typed address', async () => {
    serve({ 'POST /auth/refresh': signedOut, '/auth/providers': () => json(200, { providers: [] }) });
    renderApp('/signin');
    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await userEvent.click(screen.getByRole('link', { name: 'Forgot password?' }));
    await vi.waitFor(async () =>
      expect(await screen.findByRole('heading', { level: 1, name: 'Reset your password' })).toHaveFocus(),
    );
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
    expect(document.title).toBe('Reset your password · Career Coach');
  });

  it('follows a verification link only after the session restore, then opens the dashboard', async () => {
    const calls = serve({
      'POST /auth/refresh': signedOut,
      'POST /auth/verify-email': () => sessionJSON({ ...user, emailVerified: true }),
      '/graphql': () => json(200, { data: { me: null } }),
    });
    const router = renderApp('/verify-email?token=t0k');
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'));
    expect(calls.map((c) => c.url).slice(0, 2)).toEqual(['/auth/refresh', '/auth/verify-email']);
    expect(session.getState()).toMatchObject({ status: 'signedIn', user: { emailVerified: true } });
  });

  it('keeps the emailed-link pages open to a signed-in person', async () => {
    serve({
      'POST /auth/refresh': () => sessionJSON({ ...user, emailVerified: true }),
      'GET /auth/dev/mailbox': () => json(200, []),
    });
    renderApp('/reset-password?token=abc');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Choose a new password' }),
    ).toBeInTheDocument();
  });

  it('shows the verify banner in the app to a person whose address is unverified', async () => {
    serve({
      'POST /auth/refresh': () => sessionJSON({ ...user, emailVerified: false }),
      'POST /graphql': () =>
        json(200, { data: { me: { __typename: 'User', id: 'u1', emailVerified: false } } }),
    });
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Verify your email address' })).toHaveTextContent(
      'ada@example.com',
    );
  });

  it('shows no banner once the address is verified', async () => {
    serve({ 'POST /auth/refresh': () => sessionJSON({ ...user, emailVerified: true }) });
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Verify your email address' })).toBeNull();
  });
});
