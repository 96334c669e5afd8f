// A reader's data: found by email, and erased only after the moderator confirms.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { signedIn } from '../session/session';
import { byLabel, byText, cleanup, click, fakeApi, render, type, waitFor, type Sent } from '../testing/dom';
import ReaderPage from './ReaderPage';

const moderator: User = { id: 9, username: 'kiem.duyet', display_name: 'Kiểm Duyệt', roles: ['moderator'], disabled: false };
const theirs = [1, 2].map((id) => ({
  id, article: { id: 41, title: 'Bão số 9' }, content: `Bình luận ${id}`, status: 'approved', created: '2026-12-05T03:00:00Z',
}));

let sent: Sent[];
beforeEach(() => {
  window.scrollTo = () => {};
  signedIn(moderator, 'token');
  sent = fakeApi({
    'GET /api/v1/admin/readers': () => ({ body: { comments: theirs } }),
    'DELETE /api/v1/admin/readers': () => ({ body: { erased: 2 } }),
  });
});
afterEach(cleanup);

describe("a reader's data", () => {
  it('shows the comments written with an email, and erases them only once confirmed', async () => {
    window.history.replaceState(null, '', '/toa-soan/binh-luan/ban-doc');
    await render(<ReaderPage />);
    await type(byLabel('Email của bạn đọc')!, 'ban.doc@vi.du');
    await click(byText('button', 'Tìm')!);
    await waitFor(() => byText('p', 'Bình luận 2'), 'their comments');
    expect(sent.map((s) => s.path)).toEqual(['/api/v1/admin/readers?email=ban.doc%40vi.du']);

    await click(byText('button', 'Xóa tất cả')!);
    const dialog = await waitFor(() => document.querySelector('[role="dialog"]'), 'the question');
    expect(dialog.textContent).toContain('ban.doc@vi.du');
    expect(sent.filter((s) => s.method === 'DELETE')).toEqual([]);
    await click(byText('button', 'Hủy', dialog)!);
    expect(sent.filter((s) => s.method === 'DELETE')).toEqual([]);

    await click(byText('button', 'Xóa tất cả')!);
    await click(byText('button', 'Xóa', document.querySelector('[role="dialog"]')!)!);
    await waitFor(() => byText('p', 'Đã xóa 2 bình luận của ban.doc@vi.du.'), 'how many went');
    expect(sent.filter((s) => s.method === 'DELETE').map((s) => s.path)).toEqual(['/api/v1/admin/readers?email=ban.doc%40vi.du']);
  });
});
