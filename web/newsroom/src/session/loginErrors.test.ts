import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { loginErrorMessage, waitText } from './loginErrors';

const limited = (retryAfter: number | null) => new ApiError(429, 'rate_limited', 'Quá nhiều lần', {}, retryAfter);

describe('login error messages', () => {
  it('says the same for a wrong password and an unknown user', () => {
    expect(loginErrorMessage(new ApiError(401, 'unauthorized', 'Sai'))).toBe('Sai tên đăng nhập hoặc mật khẩu.');
  });

  it('gives the lockout in whole minutes, rounded up', () => {
    expect(loginErrorMessage(limited(900))).toBe('Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút.');
    expect(loginErrorMessage(limited(841))).toBe('Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút.');
    expect(loginErrorMessage(limited(61))).toBe('Đăng nhập sai quá nhiều lần. Hãy thử lại sau 2 phút.');
    expect(loginErrorMessage(limited(60))).toBe('Đăng nhập sai quá nhiều lần. Hãy thử lại sau 1 phút.');
  });

  it('gives seconds under a minute', () => {
    expect(loginErrorMessage(limited(59))).toBe('Đăng nhập sai quá nhiều lần. Hãy thử lại sau 59 giây.');
    expect(loginErrorMessage(limited(1))).toBe('Đăng nhập sai quá nhiều lần. Hãy thử lại sau 1 giây.');
    expect(waitText(0)).toBe('1 giây');
    expect(waitText(0.2)).toBe('1 giây');
  });

  it('still asks to wait when the server named no time', () => {
    expect(loginErrorMessage(limited(null))).toBe('Đăng nhập sai quá nhiều lần. Hãy thử lại sau.');
    expect(loginErrorMessage(limited(Number.NaN))).toBe('Đăng nhập sai quá nhiều lần. Hãy thử lại sau.');
  });

  it('says when the server cannot be reached', () => {
    expect(loginErrorMessage(new ApiError(0, 'offline', 'Mất kết nối tới máy chủ'))).toBe('Không kết nối được máy chủ.');
  });

  it('passes on what the server says about a field', () => {
    const e = new ApiError(422, 'invalid', 'Cần tên đăng nhập', { fields: { username: 'Cần tên đăng nhập' } });
    expect(loginErrorMessage(e)).toBe('Cần tên đăng nhập.');
  });
});
