import { useEffect, useState } from 'react';
import { authApi, type Provider } from '@/lib/auth';

/** Sign-in providers the server has configured; empty until known or on failure. */
export function useProviders(): Provider[] {
  const [providers, setProviders] = useState<Provider[]>([]);
  useEffect(() => {
    let live = true;
    authApi.providers().then(
      (ps) => live && setProviders(ps),
      () => {
        /* no provider buttons when the list cannot be read; password sign-in still works */
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return providers;
}
