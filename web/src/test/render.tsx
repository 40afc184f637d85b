import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type InitialEntry } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { ToastProvider } from '@/components/ui/Toast';
import { session } from '@/lib/auth';
import { createClient } from '@/lib/urql';

/** Renders `element` at `path` with stand-ins for the pages it may go on to. */
export function renderAt(path: InitialEntry, route: string, element: ReactElement) {
  const router = createMemoryRouter(
    [
      { path: route, element },
      { path: '/dashboard', element: <h1>Dashboard page</h1> },
      { path: '/signin', element: <h1>Sign-in page</h1> },
      { path: '/forgot-password', element: <h1>Forgot-password page</h1> },
      { path: '/dev/mailbox', element: <h1>Mailbox page</h1> },
    ],
    { initialEntries: [path] },
  );
  render(
    <UrqlProvider value={createClient(session)}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </UrqlProvider>,
  );
  return router;
}
