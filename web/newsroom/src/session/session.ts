// Who is signed in, shared by every screen. The session lives in a cookie the app cannot read;
// this keeps what the server said about it (the user, the CSRF token) and whether it ended.
// When it ends mid-work (a 401), screens stay mounted with everything typed, the app asks for
// the password again, and whatever waited on whenSignedIn() goes on.
import { useSyncExternalStore } from 'react';
import { get, onSessionExpired, setCsrf } from '../api/client';
import type { Role, User } from '../api/types';

export type SessionStatus = 'checking' | 'signed_in' | 'signed_out' | 'expired';
export interface SessionState {
  status: SessionStatus;
  /** The signed-in user; kept while 'expired' so the screens underneath stay as they were. */
  user: User | null;
}

let state: SessionState = { status: 'checking', user: null };
const listeners = new Set<() => void>();
let waiters: (() => void)[] = [];

function set(next: SessionState) {
  state = next;
  listeners.forEach((l) => l());
  if (next.status === 'signed_in') {
    const w = waiters;
    waiters = [];
    w.forEach((f) => f());
  }
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
    () => state,
  );
}

export function sessionState(): SessionState {
  return state;
}

/** After a login (or GET /me): remember the user and the token. */
export function signedIn(user: User, csrf: string): void {
  setCsrf(csrf);
  set({ status: 'signed_in', user });
}

/** After logging out: back to the login screen. */
export function signedOut(): void {
  setCsrf('');
  set({ status: 'signed_out', user: null });
}

/** Resolves at once when signed in, else at the next sign-in. */
export function whenSignedIn(): Promise<void> {
  if (state.status === 'signed_in') return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}

/** Asks the server who we are (on start). */
export async function checkSession(): Promise<void> {
  try {
    const me = await get<{ user: User; csrf: string }>('/api/v1/admin/me', { quiet401: true });
    signedIn(me.user, me.csrf);
  } catch {
    set({ status: 'signed_out', user: null });
  }
}

export function hasRole(user: User | null, ...roles: Role[]): boolean {
  return !!user && roles.some((r) => user.roles.includes(r));
}

onSessionExpired(() => {
  if (state.status === 'signed_in') set({ status: 'expired', user: state.user });
});
