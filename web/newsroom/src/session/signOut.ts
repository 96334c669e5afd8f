// Ending the session on the server, then on the screen.
import { ApiError, del } from '../api/client';
import { signedOut } from './session';

/** DELETE /api/v1/session, then back to the login screen. Offline, the session would stay
 *  open on the server while the screen said otherwise, so that failure is thrown instead —
 *  unless `anyway` (the session has already expired: there is nothing left to end). */
export async function signOut(anyway = false): Promise<void> {
  try {
    await del<void>('/api/v1/session', { quiet401: true });
  } catch (e) {
    if (!anyway && e instanceof ApiError && e.offline) throw e;
  }
  signedOut();
}
