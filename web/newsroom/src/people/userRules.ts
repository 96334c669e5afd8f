// The account rules the form can check before sending (the server checks them all again and
// its 422 answers are shown the same way), and the server's field names mapped to the form's.
import type { FieldErrors } from '../api/client';
import type { Role } from '../api/types';

/** As src/newsroom/password.cpp counts: characters, not bytes or UTF-16 units. */
export const MIN_PASSWORD_CHARS = 10;

/** The password's problem in the server's words, or null. */
export function passwordProblem(password: string, username: string): string | null {
  if ([...password].length < MIN_PASSWORD_CHARS) return `Mật khẩu cần ít nhất ${MIN_PASSWORD_CHARS} ký tự`;
  if (username && password.toLowerCase() === username.trim().toLowerCase())
    return 'Mật khẩu không được trùng với tên đăng nhập';
  return null;
}

export function rolesProblem(roles: Role[]): string | null {
  return roles.length === 0 ? 'Chọn ít nhất một vai trò' : null;
}

/** The server names a bad role by its place ("roles[2]"); the form has one roles field. */
export function formFieldErrors(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) {
    const key = k.startsWith('roles[') ? 'roles' : k;
    out[key] ??= v;
  }
  return out;
}
