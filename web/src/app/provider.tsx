import { useEffect, useMemo, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { ErrorBoundary } from '@/components/ui/ErrorBoundary';
import { ToastProvider } from '@/components/ui/Toast';
import { session, useSession } from '@/lib/auth';
import { applyTheme, watchSystemTheme } from '@/lib/theme';
import { createClient } from '@/lib/urql';

export function AppProvider({ children }: { children: ReactNode }) {
  const state = useSession();
  // A new client (and so an empty cache) for every user, and when their
  // email changes (an emailed link confirmed it: cached data shows the old one).
  const owner = state.status === 'signedIn' ? `${state.user.id} ${state.user.email}` : null;
  const { client } = useMemo(() => ({ client: createClient(session), owner }), [owner]);

  useEffect(() => {
    applyTheme();
    const stop = watchSystemTheme();
    void session.restore();
    const onVisible = () => document.visibilityState === 'visible' && session.onVisible();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  return (
    <ErrorBoundary>
      <ToastProvider>
        <UrqlProvider value={client}>{children}</UrqlProvider>
      </ToastProvider>
    </ErrorBoundary>
  );
}
