import type { CombinedError } from 'urql';
import { AuthError, NetworkError } from './auth';

const byCode: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again to continue.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'We could not find that. It may have been deleted.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  INTERNAL: 'Something went wrong on our side. Try again in a moment.',
};

function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  const c = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(c) ? c : `${c}.`;
}

function isCombined(e: unknown): e is CombinedError {
  return typeof e === 'object' && e !== null && 'graphQLErrors' in e && 'networkError' in e;
}

/** A message for people: what went wrong, in words, never a stack trace. */
export function describeError(err: unknown): string {
  if (err instanceof AuthError) {
    if (err.code === 'RATE_LIMITED' && err.retryAfterSeconds) {
      const min = Math.ceil(err.retryAfterSeconds / 60);
      return sentence(`${err.message.replace(/[.]$/, '')} (about ${min} minute${min === 1 ? '' : 's'})`);
    }
    return sentence(err.message);
  }
  if (err instanceof NetworkError) return err.message;
  if (isCombined(err)) {
    if (err.networkError) {
      return 'We could not reach Career Coach. Check your connection and try again.';
    }
    const first = err.graphQLErrors[0];
    if (first) {
      const code = typeof first.extensions?.code === 'string' ? first.extensions.code : '';
      if (code === 'INVALID' || code === 'BAD_USER_INPUT' || code === 'CONFLICT')
        return sentence(first.message);
      return byCode[code] ?? sentence(first.message);
    }
  }
  return 'Something went wrong. Try again in a moment.';
}

/** The extensions.code of a GraphQL error, if any. */
export function errorCode(err: CombinedError | undefined): string | undefined {
  const c = err?.graphQLErrors[0]?.extensions?.code;
  return typeof c === 'string' ? c : undefined;
}
