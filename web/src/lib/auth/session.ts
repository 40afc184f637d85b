import { AuthError, authApi, type SessionPayload, type SessionUser } from './api';

// The signed-in session, shared by the whole app (useSession) and the urql
// client (token, refresh). The access token lives only in memory; a reload
// restores it from the refresh cookie. Refreshes happen shortly before the
// token expires and whenever the API answers 401, never visibly.

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason?: string }
  | { status: 'signedIn'; user: SessionUser }
  | { status: 'unreachable'; message: string };

/** How long before expiry a refresh starts. */
export const REFRESH_MARGIN_MS = 60_000;
const MIN_DELAY_MS = 5_000;
const RETRY_DELAY_MS = 15_000;
const CHANNEL = 'coach-auth';
const LOCK = 'coach-auth-refresh';

type Message =
  { type: 'session'; token: string; expiresAt: number; user: SessionUser } | { type: 'signedOut' };

export class Session {
  private state: SessionState = { status: 'loading' };
  private token: string | null = null;
  private expiresAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: Promise<boolean> | null = null;
  private listeners = new Set<() => void>();
  private channel: BroadcastChannel | null;
  private readonly now: () => number;

  constructor(opts: { now?: () => number } = {}) {
    this.now = opts.now ?? Date.now;
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    this.channel?.addEventListener('message', (e: MessageEvent<Message>) => this.onMessage(e.data));
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): SessionState => this.state;

  /** The access token when it is still valid for a few seconds, else null. */
  accessToken(): string | null {
    return this.token && this.expiresAt - this.now() > 5_000 ? this.token : null;
  }

  /** True when the token is missing or about to expire. */
  needsRefresh(): boolean {
    return this.state.status === 'signedIn' && this.expiresAt - this.now() < 10_000;
  }

  /** First load: turn the refresh cookie (if any) into a session. */
  async restore(): Promise<void> {
    // Another tab's broadcast may have signed this one in already.
    if (this.state.status === 'signedIn') return;
    this.set({ status: 'loading' });
    try {
      await this.locked(async () => {
        // A tab that refreshed while this one waited has broadcast its token.
        if (this.accessToken()) return;
        this.adopt(await authApi.refresh(), true);
      });
    } catch (err) {
      // A refused refresh means no session; server trouble is not a sign-out.
      if (err instanceof AuthError && err.status < 500) this.clear();
      else
        this.set({
          status: 'unreachable',
          message:
            err instanceof AuthError
              ? 'Career Coach is having trouble right now. Try again in a moment.'
              : (err as Error).message,
        });
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    this.adopt(await authApi.login(email, password), true);
  }

  /**
   * 'verificationSent': the account is created when the emailed link is
   * followed (the answer is the same whether the address is registered).
   * 'signedIn': a server without verification signed the person in at once.
   */
  async signUp(
    email: string,
    password: string,
    displayName: string,
  ): Promise<'signedIn' | 'verificationSent'> {
    const r = await authApi.signup(email, password, displayName);
    if (r.kind === 'verificationSent') return r.kind;
    this.adopt(r.session, true);
    return 'signedIn';
  }

  /** Follows an emailed verification link: the account is verified and signed in. */
  async verifyEmail(token: string): Promise<void> {
    this.adopt(await authApi.verifyEmail(token), true);
  }

  /** Sets a new password from an emailed link and signs in (other sessions end). */
  async resetPassword(token: string, password: string): Promise<void> {
    this.adopt(await authApi.resetPassword(token, password), true);
  }

  /** Changes the password of the signed-in person; this tab keeps a new session, others end. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    this.adopt(await authApi.changePassword(currentPassword, newPassword, await this.freshToken()), true);
  }

  /** Sends a link to the new address; the email changes when it is followed. */
  async changeEmail(currentPassword: string, newEmail: string): Promise<void> {
    await authApi.changeEmail(currentPassword, newEmail, await this.freshToken());
  }

  /** A new verification link for the signed-in person's address. */
  async resendVerification(): Promise<void> {
    await authApi.resendVerification(null, await this.freshToken());
  }

  async signOut(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      this.clear();
      this.post({ type: 'signedOut' });
    }
  }

  /** After the account is deleted: forget the session everywhere. */
  ended(reason?: string): void {
    this.clear(reason);
    this.post({ type: 'signedOut' });
  }

  /** Keep the displayed name current after a profile edit. */
  updateUser(patch: Partial<SessionUser>): void {
    if (this.state.status === 'signedIn')
      this.set({ status: 'signedIn', user: { ...this.state.user, ...patch } });
  }

  /**
   * Gets a new access token. Concurrent callers share one request, and
   * tabs take turns (a refresh token is single-use: two tabs rotating the
   * same one would look like theft and end the session). Resolves false when
   * the session is over (the user is then signed out) or unreachable.
   *
   * `stale` is the token that is known to be no good (by default the current
   * one); the refresh is skipped only when a different, fresh token arrived
   * meanwhile (another tab refreshed while this one waited for the lock).
   */
  refresh(stale: string | null = this.token): Promise<boolean> {
    this.inflight ??= this.locked(async () => {
      if (this.token && this.token !== stale && this.expiresAt - this.now() > REFRESH_MARGIN_MS) return true;
      try {
        this.adopt(await authApi.refresh(), true);
        return true;
      } catch (err) {
        if (err instanceof AuthError && err.status === 401) {
          this.clear('Your session has ended. Sign in again to continue.');
          return false;
        }
        // Offline or server trouble: keep the user signed in and try again soon.
        this.schedule(RETRY_DELAY_MS);
        return false;
      }
    }).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Refresh when the tab comes back after timers were throttled. */
  onVisible(): void {
    if (this.state.status === 'signedIn' && this.expiresAt - this.now() < REFRESH_MARGIN_MS)
      void this.refresh();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.channel?.close();
    this.listeners.clear();
  }

  /**
   * A token that will not expire in flight, so a 401 from an account
   * endpoint means what it says (a wrong current password), not "expired".
   */
  private async freshToken(): Promise<string | null> {
    if (this.needsRefresh()) await this.refresh();
    return this.accessToken();
  }

  private locked<T>(fn: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request(LOCK, fn) : fn();
  }

  private adopt(s: SessionPayload, broadcast: boolean): void {
    this.token = s.accessToken;
    this.expiresAt = this.now() + s.expiresIn * 1000;
    this.set({ status: 'signedIn', user: s.user });
    this.schedule(this.expiresAt - this.now() - REFRESH_MARGIN_MS);
    if (broadcast)
      this.post({ type: 'session', token: s.accessToken, expiresAt: this.expiresAt, user: s.user });
  }

  private clear(reason?: string): void {
    clearTimeout(this.timer);
    this.token = null;
    this.expiresAt = 0;
    this.set(reason ? { status: 'signedOut', reason } : { status: 'signedOut' });
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), Math.max(ms, MIN_DELAY_MS));
  }

  private onMessage(m: Message): void {
    if (m.type === 'signedOut') {
      if (this.state.status === 'signedIn') this.clear();
      return;
    }
    if (m.expiresAt <= this.expiresAt) return;
    this.token = m.token;
    this.expiresAt = m.expiresAt;
    this.set({ status: 'signedIn', user: m.user });
    this.schedule(this.expiresAt - this.now() - REFRESH_MARGIN_MS);
  }

  private post(m: Message): void {
    this.channel?.postMessage(m);
  }

  private set(s: SessionState): void {
    this.state = s;
    for (const fn of this.listeners) fn();
  }
}
