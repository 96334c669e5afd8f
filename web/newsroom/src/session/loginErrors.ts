// What a refused login says. Kept apart from the form so the wording (and the arithmetic of
// the wait after too many tries) is tested on its own.
import type { ApiError } from '../api/client';
import { errorMessage } from '../ui/errors';

/** Retry-After seconds as a person reads a wait: whole minutes rounded up, seconds under one. */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} giây`;
  return `${Math.ceil(s / 60)} phút`;
}

/** The sentence for a failed POST /api/v1/session. */
export function loginErrorMessage(e: ApiError): string {
  if (e.offline) return 'Không kết nối được máy chủ.';
  // Wrong password and unknown user are one answer on purpose (the server does not tell
  // which accounts exist), so the form does not guess either.
  if (e.status === 401) return 'Sai tên đăng nhập hoặc mật khẩu.';
  if (e.status === 429) {
    const wait = e.retryAfter !== null && Number.isFinite(e.retryAfter) ? ` sau ${waitText(e.retryAfter)}` : ' sau';
    return `Đăng nhập sai quá nhiều lần. Hãy thử lại${wait}.`;
  }
  if (e.status === 422) {
    const first = Object.values(e.fields)[0];
    if (first) return first.endsWith('.') ? first : `${first}.`;
  }
  return errorMessage(e);
}
