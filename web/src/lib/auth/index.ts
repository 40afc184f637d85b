import { useSyncExternalStore } from 'react';
import { Session, type SessionState } from './session';

export { AuthError, NetworkError, authApi, type Provider, type SessionUser } from './api';
export { Session, type SessionState } from './session';

/** The app's one session. */
export const session = new Session();

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
