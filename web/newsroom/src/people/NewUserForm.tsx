// Adding an account: username, display name, roles, a first password (POST /api/v1/admin/users).
import { useState, type FormEvent } from 'react';
import { post, type ApiError, type FieldErrors } from '../api/client';
import type { Role, User } from '../api/types';
import { ErrorBanner } from '../ui/ErrorBanner';
import { asApiError } from '../ui/errors';
import { Field } from '../ui/Field';
import { RoleChoices } from './RoleChoices';
import { formFieldErrors, MIN_PASSWORD_CHARS, passwordProblem, rolesProblem } from './userRules';

export function NewUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['reporter']);
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);
  const [added, setAdded] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setAdded('');
    setError(null);
    const mine: FieldErrors = {};
    if (!username.trim()) mine.username = 'Cần tên đăng nhập';
    const r = rolesProblem(roles);
    if (r) mine.roles = r;
    const p = passwordProblem(password, username);
    if (p) mine.password = p;
    setFields(mine);
    if (Object.keys(mine).length) return;
    setSending(true);
    try {
      const user = await post<User>('/api/v1/admin/users', {
        username: username.trim(),
        display_name: displayName.trim(),
        roles,
        password,
      });
      setUsername('');
      setDisplayName('');
      setRoles(['reporter']);
      setPassword('');
      setAdded(`Đã thêm ${user.display_name} (${user.username}).`);
      onAdded(user);
    } catch (err) {
      const e = asApiError(err);
      const f = formFieldErrors(e.fields);
      setFields(f);
      // A refusal tied to a field is shown at the field; anything else above the button.
      if (Object.keys(f).length === 0) setError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="them-nguoi-dung">
      <h2 id="them-nguoi-dung">Thêm người dùng</h2>
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label="Tên đăng nhập" error={fields.username} hint="3–50 ký tự: chữ không dấu a–z, số và các dấu . _ -">
          {(c) => (
            <input
              {...c}
              name="username"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label="Tên hiển thị" error={fields.display_name} hint="Để trống thì dùng tên đăng nhập.">
          {(c) => <input {...c} name="display_name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </Field>
        <RoleChoices legend="Vai trò" value={roles} onChange={setRoles} error={fields.roles} />
        <Field
          label="Mật khẩu"
          error={fields.password}
          hint={`Ít nhất ${MIN_PASSWORD_CHARS} ký tự, khác tên đăng nhập.`}
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
        <ErrorBanner error={error} />
        <div className="button-row">
          <button type="submit" className="button button-primary" aria-disabled={sending || undefined}>
            Thêm người dùng
          </button>
          <span className="form-status" role="status">
            {added}
          </span>
        </div>
      </form>
    </section>
  );
}
