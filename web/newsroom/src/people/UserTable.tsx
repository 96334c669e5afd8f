// Every account of the newsroom: name, roles, whether it may sign in, and the way to change it.
import { ROLE_LABELS } from '../api/labels';
import type { User } from '../api/types';

export function UserTable({ users, onEdit, editing }: { users: User[]; onEdit: (id: number) => void; editing: number | null }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>Tài khoản trong tòa soạn</caption>
        <thead>
          <tr>
            <th scope="col">Tên đăng nhập</th>
            <th scope="col">Tên hiển thị</th>
            <th scope="col">Vai trò</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.disabled ? 'row-muted' : undefined}>
              <th scope="row">{u.username}</th>
              <td>{u.display_name}</td>
              <td>{u.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
              <td>{u.disabled ? 'Đã khóa' : 'Đang hoạt động'}</td>
              <td>
                <button
                  id={`sua-tai-khoan-${u.id}`}
                  type="button"
                  className="button button-small"
                  aria-pressed={editing === u.id}
                  onClick={() => onEdit(u.id)}
                >
                  Sửa<span className="visually-hidden"> {u.username}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
