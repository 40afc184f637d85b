import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from './session';

type Reply = { status: number; body?: unknown } | 'offline';

function mockFetch(replies: Reply[]) {
  const calls: string[] = [];
  const fn = vi.fn(async (url: string) => {
    calls.push(url);
    const r = replies.shift();
    if (!r) throw new Error(`unexpected request ${url}`);
    if (r === 'offline') throw new TypeError('Failed to fetch');
    return new Response(r.body === undefined ? null : JSON.stringify(r.body), {
      status: r.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

const user = { id: 'u1', email: 'ada@example.com', displayName: 'Ada' };
const ok = (token: string, expiresIn = 900) => ({
  status: 200,
  body: { accessToken: token, expiresIn, user },
});
const expired = {
  status: 401,
  body: { error: { code: 'UNAUTHENTICATED', message: 'session expired; sign in again' } },
};

describe('Session', () => {
  let s: Session;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    s?.dispose();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('restores a session from the refresh cookie on load', async () => {
    const calls = mockFetch([ok('t1')]);
    s = new Session();
    await s.restore();
    expect(calls).toEqual(['/auth/refresh']);
    expect(s.getState()).toEqual({ status: 'signedIn', user });
    expect(s.accessToken()).toBe('t1');
  });

  it('a session another tab broadcast before restore keeps this tab signed in', async () => {
    const calls = mockFetch([]);
    s = new Session();
    const other = new BroadcastChannel('coach-auth');
    other.postMessage({ type: 'session', token: 't9', expiresAt: Date.now() + 900_000, user });
    await vi.waitFor(() => expect(s.getState().status).toBe('signedIn'));
    await s.restore();
    other.close();
    expect(calls).toEqual([]);
    expect(s.getState()).toEqual({ status: 'signedIn', user });
    expect(s.accessToken()).toBe('t9');
  });

  it('is signed out, without an error, when there is no session', async () => {
    mockFetch([expired]);
    s = new Session();
    await s.restore();
    expect(s.getState()).toEqual({ status: 'signedOut' });
    expect(s.accessToken()).toBeNull();
  });

  it('reports an unreachable server in words instead of signing out', async () => {
    mockFetch(['offline']);
    s = new Session();
    await s.restore();
    const st = s.getState();
    expect(st.status).toBe('unreachable');
    expect(st.status === 'unreachable' && st.message).toMatch(/could not reach/i);
  });

  it('treats a server error at start as trouble, not as signed out', async () => {
    mockFetch([{ status: 503, body: { error: { code: 'UNAVAILABLE', message: 'database is down' } } }]);
    s = new Session();
    await s.restore();
    expect(s.getState()).toEqual({
      status: 'unreachable',
      message: 'Career Coach is having trouble right now. Try again in a moment.',
    });
  });

  it('refreshes a minute before the access token expires, silently', async () => {
    const calls = mockFetch([ok('t1', 120), ok('t2', 120)]);
    s = new Session();
    const seen: string[] = [];
    s.subscribe(() => seen.push(s.getState().status));
    await s.signIn('ada@example.com', 'violet-Harbour-42');
    expect(calls).toEqual(['/auth/login']);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toEqual(['/auth/login', '/auth/refresh']);
    expect(s.accessToken()).toBe('t2');
    expect(seen).not.toContain('signedOut');
  });

  it('shares one refresh among concurrent callers', async () => {
    const calls = mockFetch([ok('t1'), ok('t2')]);
    s = new Session();
    await s.signIn('ada@example.com', 'violet-Harbour-42');
    const results = await Promise.all([s.refresh(), s.refresh(), s.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(calls.filter((c) => c === '/auth/refresh')).toHaveLength(1);
  });

  it('refreshes a token the API rejected even if it looks fresh', async () => {
    const calls = mockFetch([ok('t1'), ok('t2')]);
    s = new Session();
    await s.signIn('ada@example.com', 'violet-Harbour-42');
    expect(await s.refresh('t1')).toBe(true);
    expect(calls).toContain('/auth/refresh');
    expect(s.accessToken()).toBe('t2');
  });

  it('skips the refresh when a new token arrived while waiting (another tab refreshed)', async () => {
    const calls = mockFetch([ok('t2')]);
    s = new Session();
    await s.signIn('ada@example.com', 'x'.repeat(12));
    expect(await s.refresh('t-old')).toBe(true);
    expect(calls).toEqual(['/auth/login']);
  });

  it('signs out with a reason when the session really ended', async () => {
    mockFetch([ok('t1'), expired]);
    s = new Session();
    await s.signIn('ada@example.com', 'violet-Harbour-42');
    expect(await s.refresh()).toBe(false);
    expect(s.getState()).toEqual({
      status: 'signedOut',
      reason: 'Your session has ended. Sign in again to continue.',
    });
  });

  it('stays signed in and retries later when a refresh cannot reach the server', async () => {
    const calls = mockFetch([ok('t1', 120), 'offline', ok('t2', 120)]);
    s = new Session();
    await s.signIn('ada@example.com', 'violet-Harbour-42');
    expect(await s.refresh()).toBe(false);
    expect(s.getState().status).toBe('signedIn');
    await vi.advanceTimersByTimeAsync(16_000);
    expect(calls.filter((c) => c === '/auth/refresh')).toHaveLength(2);
    expect(s.accessToken()).toBe('t2');
  });

  it('signs out locally even when the logout request fails', async () => {
    mockFetch([ok('t1'), 'offline']);
    s = new Session();
    await s.signIn('ada@example.com', 'violet-Harbour-42');
    await expect(s.signOut()).rejects.toThrow(/could not reach/i);
    expect(s.getState().status).toBe('signedOut');
    expect(s.accessToken()).toBeNull();
  });

  it('passes the server message of a failed sign-in on', async () => {
    mockFetch([
      { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'wrong email or password' } } },
    ]);
    s = new Session();
    await expect(s.signIn('ada@example.com', 'nope-nope-nope')).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'wrong email or password',
    });
    expect(s.getState().status).toBe('loading');
  });
});
