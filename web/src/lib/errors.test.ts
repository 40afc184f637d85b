import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AuthError, NetworkError } from './auth';
import { describeError } from './errors';

describe('describeError', () => {
  const gql = (message: string, code?: string) =>
    new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: code ? { code } : {} })] });
  const cases: [string, unknown, string][] = [
    [
      'auth error sentence-cased',
      new AuthError(401, 'UNAUTHENTICATED', 'wrong email or password'),
      'Wrong email or password.',
    ],
    [
      'rate limit with wait time',
      new AuthError(
        429,
        'RATE_LIMITED',
        'too many failed sign-in attempts; wait 15 minutes and try again',
        900,
      ),
      'Too many failed sign-in attempts; wait 15 minutes and try again (about 15 minutes).',
    ],
    ['network', new NetworkError(), 'We could not reach Career Coach. Check your connection and try again.'],
    [
      'graphql network error',
      new CombinedError({ networkError: new Error('boom') }),
      'We could not reach Career Coach. Check your connection and try again.',
    ],
    [
      'validation keeps the server words',
      gql('headline must be at most 160 characters', 'INVALID'),
      'Headline must be at most 160 characters.',
    ],
    [
      'internal hides details',
      gql('pq: relation users does not exist', 'INTERNAL'),
      'Something went wrong on our side. Try again in a moment.',
    ],
    ['unknown', 42, 'Something went wrong. Try again in a moment.'],
  ];
  for (const [name, err, want] of cases) {
    it(name, () => expect(describeError(err)).toBe(want));
  }
});
