import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth';
import { json, serve, sessionJSON } from '@/test/fetch';
import { renderAt } from '@/test/render';
import { VerifyEmailBanner } from './VerifyEmailBanner';

const user = { id: 'u1', email: 'ada@example.com', displayName: 'Ada', emailVerified: false };
const me = (emailVerified: boolean) => () =>
  json(200, { data: { me: { __typename: 'User', id: 'u1', emailVerified } } });

describe('VerifyEmailBanner', () => {
  afterEach(() => {
    session.ended();
    vi.unstubAllGlobals();
  });

  it.each([
    ['verified', true],
    ['from a server without verification', undefined],
  ])('is not shown when the address is %s', (_name, verified) => {
    serve({});
    renderAt('/', '/', <VerifyEmailBanner email="ada@example.com" verified={verified} />);
    expect(screen.queryByRole('heading', { name: 'Verify your email address' })).toBeNull();
  });

  it('is not shown when the API says the address was verified meanwhile', async () => {
    const calls = serve({ 'POST /auth/login': () => sessionJSON(user), 'POST /graphql': me(true) });
    await session.signIn('ada@example.com', 'violet-Harbour-42');
    renderAt('/', '/', <VerifyEmailBanner email="ada@example.com" verified={false} />);
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/graphql')).toBe(true));
    await vi.waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'Verify your email address' })).toBeNull(),
    );
    expect(calls.find((c) => c.url === '/graphql')?.authorization).toBe('Bearer token-1');
  });

  it('sends a new link with the access token and announces it', async () => {
    const calls = serve({
      'POST /auth/login': () => sessionJSON(user),
      'POST /graphql': me(false),
      'POST /auth/verify-email/resend': () => json(202, { status: 'sent' }),
      'GET /auth/dev/mailbox': () => json(200, []),
    });
    await session.signIn('ada@example.com', 'violet-Harbour-42');
    renderAt('/', '/', <VerifyEmailBanner email="ada@example.com" verified={false} />);
    expect(screen.getByRole('region', { name: 'Verify your email address' })).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    await userEvent.click(screen.getByRole('button', { name: 'Resend verification email' }));
    await vi.waitFor(() => expect(status).toHaveTextContent('We sent a link to ada@example.com.'));
    expect(calls.find((c) => c.url === '/auth/verify-email/resend')).toMatchObject({
      method: 'POST',
      body: {},
      authorization: 'Bearer token-1',
    });
    expect(await screen.findByRole('link', { name: 'Open the development mailbox' })).toBeInTheDocument();
  });

  it('says why a resend failed', async () => {
    serve({
      'POST /auth/login': () => sessionJSON(user),
      'POST /graphql': me(false),
      'POST /auth/verify-email/resend': () =>
        json(429, { error: { code: 'RATE_LIMITED', message: 'too many requests' } }),
    });
    await session.signIn('ada@example.com', 'violet-Harbour-42');
    renderAt('/', '/', <VerifyEmailBanner email="ada@example.com" verified={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Resend verification email' }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Too many requests.'));
  });
});
