import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInPage, safeRedirect } from './SignInPage';

function serve(routes: Record<string, () => Response>) {
  const fn = vi.fn(async (url: string) => {
    const h = routes[url];
    if (!h) throw new Error(`unexpected ${url}`);
    return h();
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderAt(path = '/signin') {
  const router = createMemoryRouter(
    [
      { path: '/signin', element: <SignInPage /> },
      { path: '/dashboard', element: <h1>Dashboard page</h1> },
    ],
    { initialEntries: [path] },
  );
  return render(<RouterProvider router={router} />);
}

describe('SignInPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows provider buttons only for configured providers', async () => {
    serve({
      '/auth/providers': () =>
        json(200, { providers: [{ id: 'microsoft', name: 'Microsoft', startUrl: '/auth/microsoft/start' }] }),
    });
    renderAt();
    const link = await screen.findByRole('link', { name: 'Continue with Microsoft' });
    expect(link).toHaveAttribute('href', '/auth/microsoft/start?redirect=%2Fdashboard');
    expect(screen.queryByRole('link', { name: /Google/ })).toBeNull();
  });

  it('shows no provider buttons when none are configured', async () => {
    const f = serve({ '/auth/providers': () => json(200, { providers: [] }) });
    renderAt();
    await vi.waitFor(() => expect(f).toHaveBeenCalled());
    expect(screen.queryByRole('link', { name: /Continue with/ })).toBeNull();
  });

  it('explains a failed sign-in in words and offers to try again', async () => {
    serve({
      '/auth/providers': () => json(200, { providers: [] }),
      '/auth/login': () =>
        json(401, { error: { code: 'UNAUTHENTICATED', message: 'wrong email or password' } }),
    });
    renderAt();
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'not-it-at-all');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
  });

  it('shows the message an OAuth callback sent back', () => {
    serve({ '/auth/providers': () => json(200, { providers: [] }) });
    renderAt('/signin?error=sign-in%20was%20cancelled');
    expect(screen.getByRole('alert')).toHaveTextContent('sign-in was cancelled');
  });

  it('goes on to the dashboard after signing in', async () => {
    serve({
      '/auth/providers': () => json(200, { providers: [] }),
      '/auth/login': () =>
        json(200, { accessToken: 't', expiresIn: 900, user: { id: 'u', email: 'a@b.co', displayName: 'A' } }),
    });
    renderAt();
    await userEvent.type(screen.getByLabelText('Email'), 'a@b.co');
    await userEvent.type(screen.getByLabelText('Password'), 'violet-Harbour-42');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Dashboard page' })).toBeInTheDocument();
  });
});

describe('safeRedirect', () => {
  it.each([
    ['/profile', '/profile'],
    ['//evil.example', '/dashboard'],
    ['https://evil.example', '/dashboard'],
    [undefined, '/dashboard'],
  ])('%s → %s', (from, want) => expect(safeRedirect(from)).toBe(want));
});
