// The signed-in user, for screens inside the shell (which is only shown while there is one).
import type { User } from '../api/types';
import { useSession } from './session';

export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser: no one is signed in (used outside the shell?)');
  return user;
}
