import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serve, sessionJSON } from '@/test/fetch';
import { AuthError, authApi } from './api';

const user = { id: 'u1', email: 'ada@example.com', displayName: 'Ada', emailVerified: false };

describe('authApi account recovery', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['202: a link was sent', () => json(202, { status: 'verification_sent' }), { kind: 'verificationSent' }],
    [
      '200: an older server signed in at once',
      () => sessionJSON(user),
      { kind: 'session', session: { accessToken: 'token-1', expiresIn: 900, user } },
    ],
  ])('signup %s', async (_name, reply, want) => {
    serve({ 'POST /auth/signup': reply });
    expect(await authApi.signup('ada@example.com', 'violet-Harbour-42', 'Ada')).toEqual(want);
  });

  it('signup passes a refusal on as an AuthError', async () => {
    serve({
      'POST /auth/signup': () =>
        json(400, {
          error: { code: 'BAD_USER_INPUT', message: 'this password is too common; choose another' },
        }),
    });
    await expect(authApi.signup('ada@example.com', 'password123456', 'Ada')).rejects.toMatchObject({
      name: 'AuthError',
      status: 400,
      code: 'BAD_USER_INPUT',
    });
  });

  it.each([
    ['404', () => json(404, { error: { code: 'NOT_FOUND', message: 'not found' } })],
    [
      'an HTML page',
      () => new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    ],
  ])('devMailbox is null for %s', async (_name, reply) => {
    serve({ 'GET /auth/dev/mailbox': reply });
    expect(await authApi.devMailbox()).toBeNull();
  });

  it('sends the bearer token only where given', async () => {
    const calls = serve({
      'POST /auth/verify-email/resend': () => json(202),
      'POST /auth/email/change': () => json(202),
    });
    await authApi.resendVerification('ada@example.com');
    await authApi.resendVerification(null, 'tok');
    await authApi.changeEmail('pw', 'grace@example.com', 'tok');
    expect(calls.map((c) => [c.body, c.authorization])).toEqual([
      [{ email: 'ada@example.com' }, null],
      [{}, 'Bearer tok'],
      [{ currentPassword: 'pw', newEmail: 'grace@example.com' }, 'Bearer tok'],
    ]);
  });

  it('a failed forgot-password request is an error, not silence', async () => {
    serve({
      'POST /auth/password/forgot': () =>
        json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'Retry-After': '60' }),
    });
    const err = await authApi.forgotPassword('ada@example.com').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({ status: 429, retryAfterSeconds: 60 });
  });
});
