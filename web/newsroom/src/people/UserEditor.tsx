// Changing one account: its display name, its roles, a new password, and whether it may sign
// in. Each is its own small form and its own PATCH, so a refused password does not undo a
// rename and each says on its own what happened.
import { useState, type FormEvent } from 'react';
import type { Role, User } from '../api/types';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Field } from '../ui/Field';
import { RoleChoices } from './RoleChoices';
import { useUserPatch, type UserPatch } from './useUserPatch';
import { MIN_PASSWORD_CHARS, passwordProblem, rolesProblem } from './userRules';

interface Props {
  user: User;
  /** The account signed in now: an admin may not lock themselves out. */
  selfId: number;
  onSaved: (user: User) => void;
  onClose: () => void;
}

function Outcome({ patch, field }: { patch: UserPatch; field?: string }) {
  return (
    <>
      {field && patch.fields[field] && (
        <p className="field-error" role="alert">
          {patch.fields[field]}
        </p>
      )}
      <ErrorBanner error={patch.error} />
      <span className="form-status" role="status">
        {patch.done}
      </span>
    </>
  );
}

export function UserEditor({ user, selfId, onSaved, onClose }: Props) {
  const rename = useUserPatch(user.id, onSaved);
  const regroup = useUserPatch(user.id, onSaved);
  const reset = useUserPatch(user.id, onSaved);
  const lock = useUserPatch(user.id, onSaved);
  const [displayName, setDisplayName] = useState(user.display_name);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [password, setPassword] = useState('');
  const self = user.id === selfId;

  const submitName = (e: FormEvent) => {
    e.preventDefault();
    if (!displayName.trim()) return rename.refuse({ display_name: 'Tên hiển thị không được trống' });
    void rename.send({ display_name: displayName.trim() }, 'Đã đổi tên.');
  };
  const submitRoles = (e: FormEvent) => {
    e.preventDefault();
    const problem = rolesProblem(roles);
    if (problem) return regroup.refuse({ roles: problem });
    void regroup.send({ roles }, 'Đã lưu vai trò.');
  };
  const submitPassword = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(password, user.username);
    if (problem) return reset.refuse({ password: problem });
    if (await reset.send({ password }, 'Đã đặt mật khẩu mới. Các phiên đăng nhập cũ của tài khoản này đã kết thúc.'))
      setPassword('');
  };
  const toggleLock = () =>
    void lock.send(
      { disabled: !user.disabled },
      user.disabled ? 'Đã mở khóa tài khoản.' : 'Đã khóa tài khoản. Tài khoản này không đăng nhập được nữa.',
    );

  return (
    <section className="panel" aria-labelledby="sua-nguoi-dung">
      <div className="panel-head">
        <h2 id="sua-nguoi-dung" tabIndex={-1}>
          Sửa tài khoản {user.username}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Đóng
        </button>
      </div>

      <form onSubmit={submitName} noValidate className="subform">
        <Field label="Tên hiển thị" error={rename.fields.display_name}>
          {(c) => <input {...c} name="display_name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={rename.sending || undefined}>
            Đổi tên
          </button>
          <Outcome patch={rename} />
        </div>
      </form>

      <form onSubmit={submitRoles} noValidate className="subform">
        <RoleChoices legend="Vai trò" value={roles} onChange={setRoles} error={regroup.fields.roles} />
        {self && <p className="field-hint">Bạn không thể bỏ vai trò Quản trị của chính mình.</p>}
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={regroup.sending || undefined}>
            Lưu vai trò
          </button>
          <Outcome patch={regroup} />
        </div>
      </form>

      <form onSubmit={submitPassword} noValidate className="subform">
        {/* Lets a password manager file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Field
          label="Mật khẩu mới"
          error={reset.fields.password}
          hint={`Ít nhất ${MIN_PASSWORD_CHARS} ký tự, khác tên đăng nhập. Người dùng sẽ phải đăng nhập lại.`}
        >
          {(c) => (
            <input
              {...c}
              name="new-password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={reset.sending || undefined}>
            Đặt mật khẩu mới
          </button>
          <Outcome patch={reset} />
        </div>
      </form>

      <div className="subform">
        <p>
          {user.disabled
            ? 'Tài khoản đang bị khóa: không đăng nhập được.'
            : 'Tài khoản đang hoạt động. Khóa tài khoản thì người dùng bị đăng xuất ngay và không đăng nhập được nữa; bài của họ vẫn giữ nguyên.'}
        </p>
        <div className="button-row">
          <button
            type="button"
            className={user.disabled ? 'button' : 'button button-danger'}
            onClick={toggleLock}
            aria-disabled={lock.sending || undefined}
            disabled={self && !user.disabled}
          >
            {user.disabled ? 'Mở khóa tài khoản' : 'Khóa tài khoản'}
          </button>
          <Outcome patch={lock} field="disabled" />
        </div>
        {self && !user.disabled && <p className="field-hint">Bạn không thể tự khóa tài khoản của mình.</p>}
      </div>
    </section>
  );
}
