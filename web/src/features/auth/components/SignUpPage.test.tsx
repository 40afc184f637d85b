import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth';
import { json, serve, sessionJSON } from '@/test/fetch';
import { renderAt } from '@/test/render';
import { SignUpPage } from './SignUpPage';

const user = { id: 'u1', email: 'ada@example.com', displayName: 'Ada' };

async function fillAndSubmit() {
  await userEvent.type(screen.getByLabelText('Your name'), 'Ada');
  await userEvent.type(screen.getByLabelText('Email'), ' ada@example.com ');
  await userEvent.type(screen.getByLabelText('Password', { exact: true }), 'violet-Harbour-42');
  await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('SignUpPage', () => {
  afterEach(() => {
    session.ended();
    vi.unstubAllGlobals();
  });

  it('asks the person to check their inbox and links the development mailbox when there is one', async () => {
    const calls = serve({
      '/auth/providers': () => json(200, { providers: [] }),
      'POST /auth/signup': () => json(202, { status: 'verification_sent' }),
      'GET /auth/dev/mailbox': () => json(200, []),
    });
    renderAt('/signup', '/signup', <SignUpPage />);
    await fillAndSubmit();
    const heading = await screen.findByRole('heading', { level: 1, name: 'Check your inbox' });
    await vi.waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Open the development mailbox' })).toHaveAttribute(
      'href',
      '/dev/mailbox',
    );
    expect(calls.find((c) => c.url === '/auth/signup')?.body).toEqual({
      email: 'ada@example.com',
      password: 'violet-Harbour-42',
      displayName: 'Ada',
    });
    // Not signed in: the account exists only once the link is followed.
    expect(session.getState().status).not.toBe('signedIn');
  });

  it('shows no mailbox link where the server sends real mail', async () => {
    const calls = serve({
      '/auth/providers': () => json(200, { providers: [] }),
      'POST /auth/signup': () => json(202, { status: 'verification_sent' }),
      'GET /auth/dev/mailbox': () => json(404, { error: { code: 'NOT_FOUND', message: 'not found' } }),
    });
    renderAt('/signup', '/signup', <SignUpPage />);
    await fillAndSubmit();
    await screen.findByRole('heading', { level: 1, name: 'Check your inbox' });
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/auth/dev/mailbox')).toBe(true));
    expect(screen.queryByRole('link', { name: 'Open the development mailbox' })).toBeNull();
  });

  it('sends the link again on request and says so', async () => {
    const calls = serve({
      '/auth/providers': () => json(200, { providers: [] }),
      'POST /auth/signup': () => json(202, { status: 'verification_sent' }),
      'GET /auth/dev/mailbox': () => json(404),
      'POST /auth/verify-email/resend': () => json(202, { status: 'verification_sent' }),
    });
    renderAt('/signup', '/signup', <SignUpPage />);
    await fillAndSubmit();
    await userEvent.click(await screen.findByRole('button', { name: 'Send the link again' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('If ada@example.com is still waiting for verification');
    await vi.waitFor(() => expect(status).toHaveFocus());
    expect(calls.find((c) => c.url === '/auth/verify-email/resend')?.body).toEqual({
      email: 'ada@example.com',
    });
  });

  it('goes straight in when the server signs up without verification', async () => {
    serve({
      '/auth/providers': () => json(200, { providers: [] }),
      'POST /auth/signup': () => sessionJSON(user),
    });
    renderAt('/signup', '/signup', <SignUpPage />);
    await fillAndSubmit();
    expect(await screen.findByRole('heading', { name: 'Dashboard page' })).toBeInTheDocument();
    expect(session.getState()).toEqual({ status: 'signedIn', user });
  });

  it('explains a refused sign-up and keeps what was typed', async () => {
    serve({
      '/auth/providers': () => json(200, { providers: [] }),
      'POST /auth/signup': () =>
        json(
          429,
          { error: { code: 'RATE_LIMITED', message: 'too many sign-ups from this address' } },
          { 'Retry-After': '120' },
        ),
    });
    renderAt('/signup', '/signup', <SignUpPage />);
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many sign-ups from this address (about 2 minutes).',
    );
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
  });
});
