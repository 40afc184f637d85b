import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Button } from '@/components/ui/Button';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { ErrorState } from '@/components/ui/States';
import { session, useSession } from '@/lib/auth';
import { useRouteAnnouncer } from './useRouteAnnouncer';

function Boot({ message }: { message?: string }) {
  return (
    <main id="main" className="mx-auto max-w-xl p-6">
      <h1 className={message ? 'mb-4 text-2xl font-semibold' : 'sr-only'}>Career Coach</h1>
      {message ? (
        <ErrorState
          title="Career Coach is not reachable"
          message={message}
          onRetry={() => void session.restore()}
          retryLabel="Try again"
        />
      ) : (
        <PageSkeleton label="Starting Career Coach" />
      )}
    </main>
  );
}

/** Pages for signed-in people; others go to sign in and come back after. */
export function RequireAuth() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Boot />;
  if (state.status === 'unreachable') return <Boot message={state.message} />;
  if (state.status === 'signedOut') {
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

/** Sign in and sign up; a signed-in person goes on to the app. */
export function PublicOnly() {
  const state = useSession();
  const location = useLocation();
  useRouteAnnouncer();
  if (state.status === 'loading') return <Boot />;
  if (state.status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from?.startsWith('/') && !from.startsWith('//') ? from : '/dashboard'} replace />;
  }
  return (
    <>
      {state.status === 'unreachable' && (
        <div role="alert" className="bg-amber-100 p-3 text-center text-sm text-amber-950">
          {state.message}{' '}
          <Button
            variant="ghost"
            className="ml-2 min-h-0 py-0 underline"
            onClick={() => void session.restore()}
          >
            Retry
          </Button>
        </div>
      )}
      <Suspense fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </>
  );
}

/**
 * Pages opened from emailed links and the development mailbox: for anyone,
 * signed in or not. They wait for the session to be restored first, so a
 * link that signs in is not overtaken by the restore of an older session.
 */
export function OpenToAll() {
  const state = useSession();
  useRouteAnnouncer();
  if (state.status === 'loading') return <Boot />;
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Outlet />
    </Suspense>
  );
}
