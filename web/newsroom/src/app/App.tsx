// The app's shell: who is signed in, then the screen the address names.
import { useEffect } from 'react';
import { checkSession, useSession } from '../session/session';

export default function App() {
  const session = useSession();
  useEffect(() => {
    void checkSession();
  }, []);
  return (
    <main>
      <h1>Tòa soạn</h1>
      <p>{session.status === 'signed_in' ? session.user?.display_name : 'Đăng nhập'}</p>
    </main>
  );
}
