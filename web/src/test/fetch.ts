import { vi } from 'vitest';

export interface Call {
  url: string;
  method: string;
  body: unknown;
  authorization: string | null;
}

type Handler = (body: unknown) => Response;

/** A JSON answer as the users service sends it. */
export const json = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

export const sessionJSON = (user: {
  id: string;
  email: string;
  displayName: string;
  emailVerified?: boolean;
}) => json(200, { accessToken: 'token-1', expiresIn: 900, user });

/**
 * Stubs fetch with one handler per "METHOD path" (or "path" for any method);
 * any other request fails the test. Returns every call with its JSON body.
 */
export function serve(routes: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ url, method, body, authorization: new Headers(init?.headers).get('Authorization') });
      const h = routes[`${method} ${url}`] ?? routes[url];
      if (!h) throw new Error(`unexpected ${method} ${url}`);
      return h(body);
    }),
  );
  return calls;
}
