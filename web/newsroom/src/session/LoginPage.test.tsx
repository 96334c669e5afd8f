// The login form as a person meets it: its refusals, said where a screen reader hears them,
// and a button that cannot be pressed twice.
import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, cleanup, click, fakeApi, render, type, waitFor, type Answer } from '../testing/dom';
import LoginPage from './LoginPage';

afterEach(cleanup);

async function tryLogin(answer: () => Answer | Promise<Answer>) {
  fakeApi({ 'POST /api/v1/session': answer });
  await render(<LoginPage />);
  await type(byLabel('Tên đăng nhập')!, 'huy.thanh');
  await type(byLabel('Mật khẩu')!, 'không phải mật khẩu');
  await click(byText('button', 'Đăng nhập')!);
}

const message = () => document.querySelector('[aria-live] .banner-error')?.textContent ?? null;

describe('the login screen', () => {
  it('says a wrong login without telling which part was wrong', async () => {
    await tryLogin(() => ({ status: 401, body: { error: 'unauthorized', reason: 'Sai' } }));
    expect(await waitFor(message)).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    expect(document.title).toBe('Đăng nhập — Tòa soạn');
  });

  it('gives the lockout in minutes from Retry-After', async () => {
    await tryLogin(() => ({ status: 429, body: { error: 'rate_limited' }, headers: { 'Retry-After': '841' } }));
    expect(await waitFor(message)).toBe('Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút.');
  });

  it('says when the server cannot be reached', async () => {
    await tryLogin(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await waitFor(message)).toBe('Không kết nối được máy chủ.');
  });

  it('holds the button while the login is on its way', async () => {
    let answer: (a: Answer) => void = () => {};
    await tryLogin(() => new Promise<Answer>((r) => (answer = r)));
    const button = byText<HTMLButtonElement>('button', 'Đăng nhập')!;
    expect(button.disabled).toBe(true);
    answer({ status: 401, body: { error: 'unauthorized' } });
    await waitFor(message);
    expect(button.disabled).toBe(false);
  });

  it('asks for both fields before sending anything', async () => {
    const sent = fakeApi({});
    await render(<LoginPage />);
    await click(byText('button', 'Đăng nhập')!);
    expect(message()).toBe('Hãy nhập tên đăng nhập và mật khẩu.');
    expect(sent).toEqual([]);
  });
});
