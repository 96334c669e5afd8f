// The login screen, shown at whatever address was asked for: once signed in, the app shows
// that address, so a link shared in the newsroom's chat opens the piece after the login.
import { useRef, useState, type FormEvent } from 'react';
import { post } from '../api/client';
import type { SignedIn } from '../api/types';
import { asApiError } from '../ui/errors';
import { Field } from '../ui/Field';
import { PAPER_NAME, useTitle } from '../ui/useTitle';
import { loginErrorMessage } from './loginErrors';
import { signedIn } from './session';

export default function LoginPage() {
  useTitle('Đăng nhập');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    if (!username.trim() || !password) {
      setError('Hãy nhập tên đăng nhập và mật khẩu.');
      return;
    }
    setSending(true);
    setError('');
    try {
      const answer = await post<SignedIn>('/api/v1/session', { username: username.trim(), password }, { quiet401: true });
      signedIn(answer.user, answer.csrf);
    } catch (err) {
      setError(loginErrorMessage(asApiError(err)));
      setSending(false);
      // The button was disabled, which dropped the focus: back to the field to try again.
      passwordField.current?.focus();
      passwordField.current?.select();
    }
  };

  return (
    <main className="login" id="noi-dung">
      <div className="login-card">
        <p className="masthead">{PAPER_NAME}</p>
        <h1>Đăng nhập</h1>
        <form onSubmit={submit} noValidate>
          <Field label="Tên đăng nhập">
            {(control) => (
              <input
                {...control}
                name="username"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            )}
          </Field>
          <Field label="Mật khẩu">
            {(control) => (
              <input
                {...control}
                ref={passwordField}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          {/* Always in the page, so screen readers are listening before a message arrives. */}
          <div id="dang-nhap-loi" className="form-message" aria-live="assertive">
            {error && <p className="banner banner-error">{error}</p>}
            {sending && <p className="form-pending">Đang đăng nhập…</p>}
          </div>
          {/* The label stays the same while sending: the control is the same control. */}
          <button type="submit" className="button button-primary" disabled={sending}>
            Đăng nhập
          </button>
        </form>
      </div>
    </main>
  );
}
