// Users (/toa-soan/nguoi-dung), admins only: the accounts, adding one, and changing one. Below
// the table is either the form to add an account or the one being changed, never both, so
// each label on the page names one control.
import { useEffect, useState } from 'react';
import type { User } from '../api/types';
import { hasRole } from '../session/session';
import { useUser } from '../session/useUser';
import { ErrorBanner } from '../ui/ErrorBanner';
import { NotAllowed } from '../ui/NotAllowed';
import { useApi } from '../ui/useApi';
import { NewUserForm } from './NewUserForm';
import { UserEditor } from './UserEditor';
import { UserTable } from './UserTable';

export default function UsersPage() {
  const me = useUser();
  if (!hasRole(me, 'admin')) return <NotAllowed title="Người dùng" who="Chỉ quản trị viên" />;
  return <Accounts selfId={me.id} />;
}

function Accounts({ selfId }: { selfId: number }) {
  const { data, error, loading, reload } = useApi<{ users: User[] }>('/api/v1/admin/users');
  const [users, setUsers] = useState<User[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  useEffect(() => {
    if (data) setUsers(data.users);
  }, [data]);

  const saved = (user: User) => {
    setUsers((list) => {
      const i = list.findIndex((u) => u.id === user.id);
      return i < 0 ? [...list, user] : list.map((u) => (u.id === user.id ? user : u));
    });
  };
  const edit = (id: number) => {
    setEditing(id);
    // After the editor is shown: take the keyboard (and a screen reader) to it.
    window.setTimeout(() => document.getElementById('sua-nguoi-dung')?.focus(), 0);
  };
  const close = () => {
    const id = editing;
    setEditing(null);
    // Back to the row's own button, not the top of the page.
    window.setTimeout(() => document.getElementById(`sua-tai-khoan-${id}`)?.focus(), 0);
  };
  const chosen = users.find((u) => u.id === editing) ?? null;

  return (
    <>
      <h1>Người dùng</h1>
      <ErrorBanner error={error}>
        <button type="button" className="button" onClick={reload}>
          Thử lại
        </button>
      </ErrorBanner>
      {loading && !data && (
        <p className="loading" role="status">
          Đang tải…
        </p>
      )}
      {data && <UserTable users={users} onEdit={edit} editing={editing} />}
      {data &&
        (chosen ? (
          <UserEditor key={chosen.id} user={chosen} selfId={selfId} onSaved={saved} onClose={close} />
        ) : (
          <NewUserForm onAdded={saved} />
        ))}
    </>
  );
}
