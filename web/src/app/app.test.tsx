import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth';
import { renderApp } from '@/test/app';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const user = { id: 'u1', email: 'ada@example.com', displayName: 'Ada Lovelace' };

function serve(signedIn: boolean) {
  const graphql: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/auth/refresh') {
        return signedIn
          ? json(200, { accessToken: 't1', expiresIn: 900, user })
          : json(401, { error: { code: 'UNAUTHENTICATED', message: 'session expired; sign in again' } });
      }
      if (url === '/auth/providers') return json(200, { providers: [] });
      if (String(url).endsWith('/graphql')) {
        const body = JSON.parse(String(init?.body)) as { query: string };
        graphql.push(new Headers(init?.headers).get('Authorization') ?? '');
        if (body.query.includes('query Dashboard')) {
          return json(200, {
            data: {
              me: {
                __typename: 'User',
                id: 'u1',
                displayName: 'Ada Lovelace',
                headline: null,
                location: null,
                avatarUrl: null,
                progress: {
                  __typename: 'ProgressSummary',
                  coursesInProgress: 0,
                  coursesCompleted: 0,
                  hoursLearned: 0,
                  hoursThisWeek: 0,
                  milestonesAchieved: 0,
                  milestonesTotal: 0,
                  currentStreak: 0,
                  longestStreak: 0,
                  weeklyActivity: [],
                },
                cvs: [],
                goals: [],
                recommendedCourses: [],
              },
            },
          });
        }
      }
      throw new Error(`unexpected ${url}`);
    }),
  );
  return graphql;
}

describe('the app', () => {
  afterEach(() => {
    session.ended();
    vi.unstubAllGlobals();
  });

  it('sends a signed-out visitor to sign in, remembering the page', async () => {
    serve(false);
    const router = renderApp('/profile');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/signin');
    expect(router.state.location.state).toEqual({ from: '/profile' });
  });

  it('restores the session and shows the dashboard with the bearer token', async () => {
    const graphql = serve(true);
    renderApp('/');
    expect(await screen.findByText('Welcome, Ada Lovelace.')).toBeInTheDocument();
    expect(graphql).toContain('Bearer t1');
    expect(document.title).toBe('Dashboard · Career Coach');
    // Every service's API is in this build's schema: no page is marked as missing.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'CV' })).toBeInTheDocument();
    expect(within(nav).queryAllByText('not available yet')).toEqual([]);
    expect(screen.getByText('No CV yet')).toBeInTheDocument();
  });

  it('shows an unknown address as not found inside the app', async () => {
    serve(true);
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
