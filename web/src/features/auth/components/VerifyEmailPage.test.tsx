import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth';
import { json, serve, sessionJSON } from '@/test/fetch';
import { renderAt } from '@/test/render';
import { VerifyEmailPage } from './VerifyEmailPage';

const user = { id: 'u1', email: 'ada@example.com', displayName: 'Ada', emailVerified: true };
const invalid = () =>
  json(400, { error: { code: 'BAD_USER_INPUT', message: 'this link is invalid or has expired' } });

describe('VerifyEmailPage', () => {
  afterEach(() => {
    session.ended();
    vi.unstubAllGlobals();
  });

  it('posts the token once (even in strict mode), signs in and goes to the dashboard', async () => {
    const calls = serve({ 'POST /auth/verify-email': () => sessionJSON(user) });
    renderAt(
      '/verify-email?token=abc',
      '/verify-email',
      <StrictMode>
        <VerifyEmailPage />
      </StrictMode>,
    );
    expect(await screen.findByRole('heading', { name: 'Dashboard page' })).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: '/auth/verify-email', body: { token: 'abc' } });
    expect(session.getState()).toEqual({ status: 'signedIn', user });
  });

  it('explains a refused link and sends a new one to the address typed in', async () => {
    const calls = serve({
      'POST /auth/verify-email': invalid,
      'POST /auth/verify-email/resend': () => json(202, { status: 'sent' }),
    });
    renderAt('/verify-email?token=used', '/verify-email', <VerifyEmailPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This link is invalid or has expired.');
    await vi.waitFor(() => expect(alert).toHaveFocus());
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send a new link' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'If ada@example.com is waiting for verification',
    );
    expect(calls[1]).toMatchObject({ url: '/auth/verify-email/resend', body: { email: 'ada@example.com' } });
  });

  it('asks for nothing but the click when signed in, and sends the access token', async () => {
    const calls = serve({
      'POST /auth/login': () => sessionJSON({ ...user, emailVerified: false }),
      'POST /auth/verify-email': invalid,
      'POST /auth/verify-email/resend': () => json(202),
    });
    await session.signIn('ada@example.com', 'violet-Harbour-42');
    renderAt('/verify-email?token=old', '/verify-email', <VerifyEmailPage />);
    await screen.findByRole('alert');
    expect(screen.queryByLabelText('Email')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Send a new link' }));
    await screen.findByRole('status');
    expect(calls[2]).toMatchObject({
      url: '/auth/verify-email/resend',
      body: {},
      authorization: 'Bearer token-1',
    });
  });

  it('sends nothing without a token', () => {
    const calls = serve({});
    renderAt('/verify-email', '/verify-email', <VerifyEmailPage />);
    expect(screen.getByRole('alert')).toHaveTextContent('This page needs the link from your email.');
    expect(calls).toEqual([]);
  });
});
