import type { Cache } from '@urql/exchange-graphcache';
import { describe, expect, it } from 'vitest';
import { optimisticProfile } from './urql';

function cacheWith(user: Record<string, unknown> | null): Cache {
  return {
    resolve: (entity: string, field: string) => {
      if (entity === 'Query' && field === 'me') return user ? 'User:u1' : null;
      return entity === 'User:u1' && user ? (user[field] ?? null) : null;
    },
  } as unknown as Cache;
}

describe('optimisticProfile', () => {
  const me = { id: 'u1', displayName: 'Ada', avatarUrl: null, headline: 'Engineer', location: 'Lisbon' };

  it('lays the changed fields over the cached user', () => {
    expect(optimisticProfile({ headline: '  Data engineer ' }, cacheWith(me))).toEqual({
      __typename: 'User',
      id: 'u1',
      displayName: 'Ada',
      avatarUrl: null,
      headline: 'Data engineer',
      location: 'Lisbon',
    });
  });

  it('an empty string clears an optional field, as the server does', () => {
    expect(optimisticProfile({ location: '' }, cacheWith(me))?.location).toBeNull();
  });

  it('gives up (no optimistic result) when no user is cached', () => {
    expect(optimisticProfile({ headline: 'x' }, cacheWith(null))).toBeNull();
  });
});
