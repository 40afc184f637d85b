import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, type Cache } from '@urql/exchange-graphcache';
import { createClient as createWSClient } from 'graphql-ws';
import { Client, fetchExchange, subscriptionExchange, type CombinedError } from 'urql';
import type { Session } from './auth';
import { removeCV, removeMilestone } from './cache-lists';

// One urql client per signed-in user (the app makes a new one when the user
// changes, so one person's cache never shows to the next).

type Input = Record<string, string | null | undefined>;

function isAuthError(e: CombinedError): boolean {
  return (
    (e.response as Response | undefined)?.status === 401 ||
    e.graphQLErrors.some((g) => g.extensions?.code === 'UNAUTHENTICATED')
  );
}

/** An optimistic User for updateProfile: the input laid over what the cache holds. */
export function optimisticProfile(input: Input, cache: Cache) {
  const key = cache.resolve('Query', 'me');
  if (typeof key !== 'string') return null;
  const field = (name: string) => {
    const v = input[name];
    if (v === undefined || v === null) return cache.resolve(key, name) ?? null;
    const t = v.trim();
    return t === '' && name !== 'displayName' ? null : t;
  };
  return {
    __typename: 'User',
    id: cache.resolve(key, 'id'),
    displayName: field('displayName'),
    avatarUrl: field('avatarUrl'),
    headline: field('headline'),
    location: field('location'),
  };
}

export function createClient(session: Session, origin = window.location.origin): Client {
  const wsURL = origin.replace(/^http/, 'ws') + '/graphql';
  const ws = createWSClient({
    url: wsURL,
    lazy: true,
    connectionParams: async () => {
      if (session.needsRefresh()) await session.refresh();
      const t = session.accessToken();
      return t ? { Authorization: `Bearer ${t}` } : {};
    },
  });

  return new Client({
    url: '/graphql',
    fetchOptions: { credentials: 'same-origin' },
    preferGetMethod: false,
    exchanges: [
      cacheExchange({
        keys: {
          LinkedIdentity: () => null,
          // A job match is a value computed per request, not an entity.
          JobMatch: () => null,
          JobMatchPart: () => null,
          JobRequirementMatch: () => null,
          JobOccupation: () => null,
          JobEvidence: () => null,
          JobStatusChange: () => null,
        },
        optimistic: {
          updateProfile: (args, cache) => optimisticProfile((args.input ?? {}) as Input, cache),
          // Ticking a milestone shows at once; the server's answer (or error) follows.
          achieveMilestone: (args, cache) => {
            const id = String(args.id);
            const achieved = args.achieved !== false;
            const key = `Milestone:${id}`;
            return {
              __typename: 'Milestone',
              id,
              achieved,
              achievedAt: achieved ? new Date().toISOString() : null,
              overdue: achieved ? false : (cache.resolve(key, 'overdue') ?? false),
            };
          },
        },
        updates: {
          Mutation: {
            deleteAccount: (_result, _args, cache) => {
              cache.invalidate('Query', 'me');
            },
            deleteCV: (result, args, cache) => {
              if (result.deleteCV) removeCV(cache, String(args.id));
            },
            deleteMilestone: (result, args, cache) => {
              if (result.deleteMilestone) removeMilestone(cache, String(args.id));
            },
          },
        },
      }),
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const t = session.accessToken();
          return t ? utils.appendHeaders(operation, { Authorization: `Bearer ${t}` }) : operation;
        },
        willAuthError: () => session.needsRefresh(),
        didAuthError: (error) => isAuthError(error),
        async refreshAuth() {
          await session.refresh();
        },
      })),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
