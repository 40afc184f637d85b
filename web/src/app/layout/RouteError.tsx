import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button } from '@/components/ui/Button';
import { PageHeader } from '@/components/ui/PageHeader';
import { ErrorState } from '@/components/ui/States';

/** Last resort for errors outside a page (a chunk that failed to load, ...). */
export function RouteError() {
  const err = useRouteError();
  const msg = isRouteErrorResponse(err)
    ? `The page answered ${err.status}.`
    : 'Part of Career Coach failed to load, often because a new version was just deployed or the connection dropped.';
  return (
    <main id="main" className="mx-auto max-w-xl p-6">
      <h1 className="mb-4 text-2xl font-semibold">Career Coach</h1>
      <ErrorState
        title="This page could not be shown"
        message={msg}
        onRetry={() => window.location.reload()}
        retryLabel="Reload the page"
      />
    </main>
  );
}

export function NotFound() {
  return (
    <>
      <PageHeader title="Page not found">
        <p>There is no page at this address.</p>
      </PageHeader>
      <Button asChild variant="secondary">
        <Link to="/dashboard">Go to the dashboard</Link>
      </Button>
    </>
  );
}
