import * as Dialog from '@radix-ui/react-dialog';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '@/components/ui/ErrorBoundary';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { VerifyEmailBanner } from '@/features/auth/components/VerifyEmailBanner';
import { useSession } from '@/lib/auth';
import { NavLinks } from './NavLinks';
import { ThemeMenu } from './ThemeMenu';
import { useRouteAnnouncer } from './useRouteAnnouncer';
import { UserMenu } from './UserMenu';

export function AppShell() {
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const state = useSession();
  useRouteAnnouncer();

  return (
    <div className="min-h-screen bg-slate-50 dark:bg-slate-950">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-indigo-700 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to main content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
          <Dialog.Root open={menuOpen} onOpenChange={setMenuOpen}>
            <Dialog.Trigger
              className="rounded-md p-2 hover:bg-slate-100 lg:hidden dark:hover:bg-slate-800"
              aria-label="Open navigation menu"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="h-6 w-6"
                fill="none"
                stroke="currentColor"
              >
                <path strokeWidth="2" strokeLinecap="round" d="M4 7h16M4 12h16M4 17h16" />
              </svg>
            </Dialog.Trigger>
            <Dialog.Portal>
              <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50 lg:hidden" />
              <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 bg-white p-4 shadow-xl lg:hidden dark:bg-slate-900">
                <div className="flex items-center justify-between">
                  <Dialog.Title className="font-semibold">Menu</Dialog.Title>
                  <Dialog.Close
                    className="rounded-md px-3 py-1 text-xl hover:bg-slate-100 dark:hover:bg-slate-800"
                    aria-label="Close navigation menu"
                  >
                    ×
                  </Dialog.Close>
                </div>
                <Dialog.Description className="sr-only">Go to a page of Career Coach</Dialog.Description>
                <NavLinks label="Main (menu)" onNavigate={() => setMenuOpen(false)} />
              </Dialog.Content>
            </Dialog.Portal>
          </Dialog.Root>
          <Link to="/dashboard" className="font-semibold text-indigo-700 dark:text-indigo-300">
            Career Coach
          </Link>
          <div className="ml-auto flex items-center gap-1">
            <ThemeMenu />
            <UserMenu />
          </div>
        </div>
      </header>
      {state.status === 'signedIn' && (
        <VerifyEmailBanner email={state.user.email} verified={state.user.emailVerified} />
      )}
      <div className="mx-auto flex max-w-7xl gap-6 px-4 py-6">
        <aside className="hidden w-56 shrink-0 lg:block">
          <div className="sticky top-20">
            <NavLinks label="Main" />
          </div>
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 outline-none">
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
