// The shell with the real session, router and API client over a fake server: what a person
// at the screen would notice when the session expires mid-sentence, and when a new piece gets
// its address.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { get } from '../api/client';
import type { User } from '../api/types';
import { whenSignedIn } from '../session/session';
import { byLabel, byText, cleanup, click, fakeApi, render, settle, type, waitFor, type ApiTable } from '../testing/dom';
import App from './App';
import { navigate } from './router';

// The editor is another module's; a stand-in with an uncontrolled field (it loses its text if
// it is ever rebuilt) and a count of how often it was mounted.
const mounts = vi.hoisted(() => ({ count: 0 }));
vi.mock('../editor/EditorPage', async () => {
  const { useState } = await import('react');
  return {
    default: function EditorStandIn({ id }: { id: number | null }) {
      useState(() => ++mounts.count);
      return (
        <>
          <h1>Bài {id === null ? 'mới' : id}</h1>
          <label htmlFor="noi-dung-bai">Nội dung</label>
          <input id="noi-dung-bai" />
        </>
      );
    },
  };
});

const reporter: User = { id: 5, username: 'huy.thanh', display_name: 'Huy Thành', roles: ['reporter'], disabled: false };
const moderator: User = { id: 9, username: 'kiem.duyet', display_name: 'Kiểm Duyệt', roles: ['moderator'], disabled: false };
const admin: User = { id: 1, username: 'quan.tri', display_name: 'Quản Trị', roles: ['admin', 'chief'], disabled: false };

function server(me: User | null, extra: ApiTable = {}) {
  return fakeApi({
    'GET /api/v1/admin/me': () => (me ? { body: { user: me, csrf: 'token-1' } } : { status: 401, body: { error: 'unauthorized' } }),
    'GET /api/v1/admin/queues': () => ({
      body: { queues: { mine: { count: 0, first: [] }, waiting: { count: 0, first: [] }, returned: { count: 0, first: [] }, scheduled: { count: 0, first: [] }, published_today: { count: 0, first: [] } } },
    }),
    'GET /api/v1/admin/gone': () => ({ status: 401, body: { error: 'unauthorized', reason: 'Phiên đã hết hạn' } }),
    ...extra,
  });
}

beforeEach(() => {
  window.scrollTo = () => {};
  mounts.count = 0;
});
afterEach(cleanup);

describe('the shell', () => {
  it('shows the login at the address asked for, then that screen', async () => {
    window.history.replaceState(null, '', '/toa-soan/bai/41');
    server(null, { 'POST /api/v1/session': () => ({ body: { user: reporter, csrf: 'token-2' } }) });
    await render(<App />);
    await waitFor(() => byText('h1', 'Đăng nhập'), 'the login screen');
    await type(byLabel('Tên đăng nhập')!, 'huy.thanh');
    await type(byLabel('Mật khẩu')!, 'mật khẩu đủ dài');
    await click(byText('button', 'Đăng nhập')!);
    await waitFor(() => byText('h1', 'Bài 41'), 'the piece the link named');
    expect(window.location.pathname).toBe('/toa-soan/bai/41');
  });

  it('offers each role its screens only', async () => {
    window.history.replaceState(null, '', '/toa-soan/');
    server(reporter);
    await render(<App />);
    const nav = await waitFor(() => document.querySelector('nav[aria-label="Tòa soạn"]'), 'the navigation');
    expect(Array.from(nav.querySelectorAll('a')).map((a) => a.textContent)).toEqual(['Bàn làm việc', 'Bài viết', 'Viết bài mới', 'Thư viện ảnh']);
    expect(document.title).toBe('Bàn làm việc — Tòa soạn');

    server(admin);
    await render(<App />);
    await settle(20);
    const links = Array.from(document.querySelectorAll('nav[aria-label="Tòa soạn"] a')).map((a) => a.textContent);
    expect(links).toEqual(['Bàn làm việc', 'Bài viết', 'Viết bài mới', 'Thư viện ảnh', 'Bình luận', 'Người dùng', 'Cài đặt', 'Nhật ký']);
  });

  it('shows "Bình luận" to a moderator and not to a reporter', async () => {
    window.history.replaceState(null, '', '/toa-soan/');
    server(moderator);
    await render(<App />);
    const nav = await waitFor(() => document.querySelector('nav[aria-label="Tòa soạn"]'), 'the navigation');
    expect(byText('a', 'Bình luận', nav)?.getAttribute('href')).toBe('/toa-soan/binh-luan');

    server(reporter);
    await render(<App />);
    await waitFor(() => document.querySelector('nav[aria-label="Tòa soạn"]'), 'the navigation');
    expect(byText('a', 'Bình luận', document.querySelector('nav')!)).toBeNull();
  });

  it('answers an unknown address with its own screen', async () => {
    window.history.replaceState(null, '', '/toa-soan/khong-co');
    server(reporter);
    await render(<App />);
    await waitFor(() => byText('h1', 'Không tìm thấy trang'));
    expect(document.title).toBe('Không tìm thấy trang — Tòa soạn');
  });

  it('keeps the editor, and what is typed in it, when a new piece gets its address', async () => {
    window.history.replaceState(null, '', '/toa-soan/bai/moi');
    server(reporter);
    await render(<App />);
    const field = await waitFor(() => byLabel('Nội dung'), 'the editor');
    field.value = 'Bão số 9 đổ bộ';
    await settle();
    await act(async () => navigate('/toa-soan/bai/42', true));
    await waitFor(() => byText('h1', 'Bài 42'));
    expect(byLabel('Nội dung')).toBe(field);
    expect(field.value).toBe('Bão số 9 đổ bộ');
    expect(mounts.count).toBe(1);
  });

  it('asks for the password over the screen when the session expires, and loses nothing', async () => {
    window.history.replaceState(null, '', '/toa-soan/bai/moi');
    const sent = server(reporter, {
      'POST /api/v1/session': (s) =>
        (s.body as { password: string }).password === 'đúng mật khẩu rồi'
          ? { body: { user: reporter, csrf: 'token-3' } }
          : { status: 401, body: { error: 'unauthorized' } },
    });
    await render(<App />);
    const field = await waitFor(() => byLabel('Nội dung'), 'the editor');
    field.value = 'Câu đang viết dở';
    field.focus();

    let resumed = false;
    await settle();
    await act(() => get('/api/v1/admin/gone').catch(() => undefined));
    void whenSignedIn().then(() => (resumed = true));
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"]'), 'the dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.querySelector('h2')?.textContent).toBe('Phiên làm việc đã hết hạn');
    expect(dialog.textContent).toContain('huy.thanh');
    expect(document.activeElement).toBe(byLabel('Mật khẩu', dialog));
    expect(document.getElementById('root')!.inert).toBe(true);
    // The screen underneath is the same, with its text.
    expect(byLabel('Nội dung')).toBe(field);
    expect(field.value).toBe('Câu đang viết dở');

    await type(byLabel('Mật khẩu', dialog)!, 'sai');
    await click(byText('button', 'Đăng nhập lại', dialog)!);
    await waitFor(() => byText('p', 'Sai mật khẩu.', dialog), 'the refusal');
    expect(resumed).toBe(false);

    await type(byLabel('Mật khẩu', dialog)!, 'đúng mật khẩu rồi');
    await click(byText('button', 'Đăng nhập lại', dialog)!);
    await waitFor(() => !document.querySelector('[role="dialog"]'), 'the dialog to close');
    expect(sent.filter((s) => s.method === 'POST').map((s) => (s.body as { username: string }).username)).toEqual([
      'huy.thanh',
      'huy.thanh',
    ]);
    expect(resumed).toBe(true);
    expect(document.getElementById('root')!.inert).toBe(false);
    expect(byLabel('Nội dung')).toBe(field);
    expect(field.value).toBe('Câu đang viết dở');
    expect(document.activeElement).toBe(field);
    expect(mounts.count).toBe(1);
  });

  it('lets the one at the screen sign out of the expired session instead', async () => {
    window.history.replaceState(null, '', '/toa-soan/bai');
    server(reporter, { 'GET /api/v1/admin/articles': () => ({ body: { articles: [], total: 0, page: 1, per_page: 20 } }) });
    await render(<App />);
    await waitFor(() => byText('h1', 'Bài viết'));
    await act(() => get('/api/v1/admin/gone').catch(() => undefined));
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"]'));
    await click(byText('button', 'Đăng xuất', dialog)!);
    await waitFor(() => byText('h1', 'Đăng nhập'), 'the login screen');
    expect(byLabel('Tên đăng nhập')?.value).toBe('');
  });
});
