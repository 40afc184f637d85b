import { useEffect, useState, useSyncExternalStore } from 'react';
import { authApi } from './api';
import { Session, type SessionState } from './session';

export {
  AuthError,
  NetworkError,
  authApi,
  type DevMail,
  type Provider,
  type SessionUser,
  type SignUpResult,
} from './api';
export { Session, type SessionState } from './session';

/** The app's one session. */
export const session = new Session();

/** Whether this server keeps a development mailbox (`coach dev` only): null while asking. */
export function useDevMailbox(): boolean | null {
  const [available, setAvailable] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    authApi.devMailbox().then(
      (m) => live && setAvailable(m !== null),
      () => live && setAvailable(false),
    );
    return () => {
      live = false;
    };
  }, []);
  return available;
}

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
