// The users service's /auth/* JSON endpoints (proxied by the router on the
// app's own origin). Cookies carry the refresh token (HttpOnly, path /auth);
// the access token comes back in the body and is kept in memory only.

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  /** false until the address is verified; absent from servers that predate verification */
  emailVerified?: boolean;
}

export interface SessionPayload {
  accessToken: string;
  /** seconds until the access token expires */
  expiresIn: number;
  user: SessionUser;
}

export interface Provider {
  id: string;
  name: string;
  startUrl: string;
}

/** An /auth request that the server answered with an error. */
export class AuthError extends Error {
  readonly status: number;
  readonly code: string;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'AuthError';
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The server could not be reached, or answered something that is not our API. */
export class NetworkError extends Error {
  constructor(message = 'We could not reach Career Coach. Check your connection and try again.') {
    super(message);
    this.name = 'NetworkError';
  }
}

/** A sign-up either signs in (servers without verification) or waits for the emailed link. */
export type SignUpResult = { kind: 'session'; session: SessionPayload } | { kind: 'verificationSent' };

/** One message kept by `coach dev`'s development mailbox (no SMTP configured). */
export interface DevMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  links: string[];
  sentAt: string;
}

// The JSON Content-Type is the CSRF guard of /auth (a cross-site form cannot send it).
async function post(path: string, body: unknown = {}, token?: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify(body),
    });
  } catch {
    throw new NetworkError();
  }
}

async function fail(res: Response): Promise<never> {
  let code = 'UNKNOWN';
  let message = `The server answered ${res.status}. Try again in a moment.`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) message = body.error.message;
    if (body.error?.code) code = body.error.code;
  } catch {
    if (res.status >= 500 || res.status === 0) throw new NetworkError();
  }
  const ra = Number(res.headers.get('Retry-After'));
  throw new AuthError(res.status, code, message, Number.isFinite(ra) && ra > 0 ? ra : null);
}

async function accepted(res: Response): Promise<void> {
  if (!res.ok) await fail(res);
}

async function session(res: Response): Promise<SessionPayload> {
  if (!res.ok) return fail(res);
  try {
    const s = (await res.json()) as SessionPayload;
    if (typeof s.accessToken !== 'string' || !s.user) throw new Error('shape');
    return s;
  } catch {
    throw new NetworkError('The server sent an answer we could not read. Try again in a moment.');
  }
}

export const authApi = {
  async login(email: string, password: string): Promise<SessionPayload> {
    return session(await post('/auth/login', { email, password }));
  },
  /** 202: a link went to the address (new or not: the answer never tells); 200: signed in at once. */
  async signup(email: string, password: string, displayName: string): Promise<SignUpResult> {
    const res = await post('/auth/signup', { email, password, displayName });
    if (res.status === 202) return { kind: 'verificationSent' };
    return { kind: 'session', session: await session(res) };
  },
  async verifyEmail(token: string): Promise<SessionPayload> {
    return session(await post('/auth/verify-email', { token }));
  },
  /** Signed in (token given): a new link for the account's address; else for `email`. */
  async resendVerification(email: string | null, token?: string | null): Promise<void> {
    await accepted(await post('/auth/verify-email/resend', email ? { email } : {}, token));
  },
  async forgotPassword(email: string): Promise<void> {
    await accepted(await post('/auth/password/forgot', { email }));
  },
  async resetPassword(token: string, password: string): Promise<SessionPayload> {
    return session(await post('/auth/password/reset', { token, password }));
  },
  async changePassword(
    currentPassword: string,
    newPassword: string,
    token: string | null,
  ): Promise<SessionPayload> {
    return session(await post('/auth/password/change', { currentPassword, newPassword }, token));
  },
  async changeEmail(currentPassword: string, newEmail: string, token: string | null): Promise<void> {
    await accepted(await post('/auth/email/change', { currentPassword, newEmail }, token));
  },
  /** The development mailbox, or null where there is none (every process but `coach dev`). */
  async devMailbox(): Promise<DevMail[] | null> {
    let res: Response;
    try {
      res = await fetch('/auth/dev/mailbox', { credentials: 'same-origin' });
    } catch {
      throw new NetworkError();
    }
    if (res.status === 404) return null;
    if (!res.ok) return fail(res);
    try {
      const body = (await res.json()) as unknown;
      if (!Array.isArray(body)) throw new Error('shape');
      return body as DevMail[];
    } catch {
      // An HTML page (a server that does not know the path) is no mailbox.
      return null;
    }
  },
  async refresh(): Promise<SessionPayload> {
    return session(await post('/auth/refresh'));
  },
  async logout(): Promise<void> {
    const res = await post('/auth/logout');
    if (!res.ok) await fail(res);
  },
  async providers(): Promise<Provider[]> {
    let res: Response;
    try {
      res = await fetch('/auth/providers', { credentials: 'same-origin' });
    } catch {
      throw new NetworkError();
    }
    if (!res.ok) return fail(res);
    const body = (await res.json()) as { providers?: Provider[] };
    return (body.providers ?? []).filter((p) => /^\/auth\/[a-z]+\/start$/.test(p.startUrl));
  },
};
