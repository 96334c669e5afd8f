// The app: who is signed in decides between the login and the shell; the address decides the
// screen. When the session expires the shell stays mounted as it is (nothing typed is lost)
// and the re-login dialog opens over it.
import { useEffect } from 'react';
import { ExpiredDialog } from '../session/ExpiredDialog';
import LoginPage from '../session/LoginPage';
import { checkSession, useSession } from '../session/session';
import { Shell } from './Shell';

export default function App() {
  const { status, user } = useSession();
  useEffect(() => {
    void checkSession();
  }, []);

  if (status === 'checking')
    return (
      <p className="app-loading" role="status">
        Đang tải…
      </p>
    );
  if (status === 'signed_out' || !user) return <LoginPage />;
  return (
    <>
      <Shell user={user} />
      {status === 'expired' && <ExpiredDialog user={user} />}
    </>
  );
}
