// Shown over the screen when the session ends mid-work (12 hours idle, an admin's password
// reset, a logout elsewhere). The screen underneath stays mounted with everything typed; only
// the same person's password is asked for, so the work cannot pass to someone else's name.
// Once signed in again, what waited on whenSignedIn() (the editor's saves) goes on by itself.
import { useRef, useState, type FormEvent } from 'react';
import { del, post } from '../api/client';
import type { SignedIn, User } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { asApiError } from '../ui/errors';
import { Field } from '../ui/Field';
import { loginErrorMessage } from './loginErrors';
import { signedIn } from './session';
import { signOut } from './signOut';

export function ExpiredDialog({ user }: { user: User }) {
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    if (!password) {
      setError('Hãy nhập mật khẩu.');
      return;
    }
    setSending(true);
    setError('');
    try {
      const answer = await post<SignedIn>('/api/v1/session', { username: user.username, password }, { quiet401: true });
      if (answer.user.id !== user.id) {
        // Cannot happen through this form (it sends the same username), but the work on screen
        // belongs to one account: never hand it to another.
        await del<void>('/api/v1/session', { quiet401: true }).catch(() => undefined);
        setError('Đây là tài khoản khác. Chỉ người đang làm việc đăng nhập lại được ở đây.');
        setSending(false);
        return;
      }
      signedIn(answer.user, answer.csrf);
    } catch (err) {
      const e = asApiError(err);
      setError(e.status === 401 ? 'Sai mật khẩu.' : loginErrorMessage(e));
      setSending(false);
      // The button was disabled, which dropped the focus: back to the field to try again.
      passwordField.current?.focus();
      passwordField.current?.select();
    }
  };

  return (
    <Dialog title="Phiên làm việc đã hết hạn" className="dialog-session">
      <p>
        Hãy nhập lại mật khẩu để làm tiếp. Những gì bạn đang làm vẫn còn nguyên trên màn hình.
      </p>
      <p className="dialog-account">
        Tài khoản: <strong>{user.display_name}</strong> ({user.username})
      </p>
      <form onSubmit={submit} noValidate>
        {/* For password managers: they fill the password of the account named here. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Field label="Mật khẩu">
          {(control) => (
            <input
              {...control}
              ref={passwordField}
              data-autofocus
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="form-message" aria-live="assertive">
          {error && <p className="banner banner-error">{error}</p>}
          {sending && <p className="form-pending">Đang đăng nhập…</p>}
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={sending}>
            Đăng nhập lại
          </button>
          <button type="button" className="button" onClick={() => void signOut(true)}>
            Đăng xuất
          </button>
        </div>
        <p className="field-hint">Đăng xuất sẽ bỏ những gì chưa lưu trên màn hình này.</p>
      </form>
    </Dialog>
  );
}
