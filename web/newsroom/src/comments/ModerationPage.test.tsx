// The moderation queue as a moderator sees it, over a fake server and a fake event stream.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminComment, User } from '../api/types';
import { signedIn } from '../session/session';
import { byLabel, byText, cleanup, click, fakeApi, render, settle, type, waitFor, type Sent } from '../testing/dom';
import ModerationPage, { REFRESH_DEBOUNCE_MS } from './ModerationPage';

const moderator: User = { id: 9, username: 'kiem.duyet', display_name: 'Kiểm Duyệt', roles: ['moderator'], disabled: false };

function comment(id: number, extra: Partial<AdminComment> = {}): AdminComment {
  return {
    id, article: { id: 41, title: 'Bão số 9 đổ bộ' }, parent_id: null, name: `Bạn đọc ${id}`, email: `ban${id}@vi.du`,
    address: `203.0.113.${id}`, content: `Nội dung bình luận số ${id}`, status: 'pending', flags: [], newsroom: false,
    pinned: false, edited: false, likes: 2, reports: 0, created: '2026-12-05T03:30:00Z', moderated: null, ...extra,
  };
}

// A stand-in for the browser's EventSource: the test says when the server sends an event.
class FakeStream {
  static CLOSED = 2;
  static last: FakeStream | null = null;
  readonly url: string;
  readyState = 1;
  private listeners: Record<string, (() => void)[]> = {};
  constructor(url: string) {
    this.url = url;
    FakeStream.last = this;
  }
  addEventListener(type: string, f: () => void) {
    (this.listeners[type] ??= []).push(f);
  }
  emit(type: string) {
    (this.listeners[type] ?? []).forEach((f) => f());
  }
  close() {
    this.readyState = 2;
  }
}

let list: AdminComment[];
let sent: Sent[];
beforeEach(() => {
  window.scrollTo = () => {};
  (globalThis as { EventSource?: unknown }).EventSource = FakeStream;
  FakeStream.last = null;
  signedIn(moderator, 'token');
  list = [
    comment(3, { flags: ['links', 'words'], reports: 1 }),
    comment(2, { content: '<b>x</b><script>alert(1)</script>' }),
    comment(1),
  ];
  sent = fakeApi({
    'GET /api/v1/admin/comments': () => ({ body: { comments: list, total: list.length } }),
    'POST /api/v1/admin/comments/3/actions': (s) => {
      const body = s.body as { action: string; content?: string };
      if (body.action === 'edit') return { body: { ...list[0], content: body.content, edited: true } };
      return { body: { ...list[0], status: body.action === 'approve' ? 'approved' : 'rejected' } };
    },
    'POST /api/v1/admin/comments/2/actions': (s) => ({
      body: { ...list[1], status: (s.body as { action: string }).action === 'approve' ? 'approved' : 'rejected' },
    }),
    'POST /api/v1/admin/comments/actions': (s) => ({ body: { done: (s.body as { ids: number[] }).ids.length } }),
  });
});
afterEach(cleanup);

const cards = () => Array.from(document.querySelectorAll<HTMLElement>('.comment-card'));
const card = (id: number) => document.getElementById(`binh-luan-${id}`)!;
const said = () => document.querySelector('.comment-said')?.textContent ?? '';
const posts = () => sent.filter((s) => s.method === 'POST');

async function press(key: string, target: EventTarget = document.activeElement ?? document.body) {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

async function open(address = '/toa-soan/binh-luan') {
  window.history.replaceState(null, '', address);
  await render(<ModerationPage />);
  await waitFor(() => cards().length === 3 || null, 'the comments');
}

describe('the moderation queue', () => {
  it('lists the pending comments, newest first, with their article and their flags in Vietnamese', async () => {
    await open();
    expect(sent[0].path).toBe('/api/v1/admin/comments?status=pending&page=1&per_page=50');
    expect(cards().map((c) => c.querySelector('h2')?.textContent)).toEqual(['Bạn đọc 3', 'Bạn đọc 2', 'Bạn đọc 1']);
    const first = card(3);
    const link = first.querySelector<HTMLAnchorElement>('.comment-on a')!;
    expect(link.textContent).toBe('Bão số 9 đổ bộ');
    expect(link.getAttribute('href')).toBe('/toa-soan/bai/41');
    expect(first.textContent).toContain('Nhiều liên kết');
    expect(first.textContent).toContain('Từ cấm');
    expect(first.textContent).toContain('ban3@vi.du');
    expect(first.textContent).toContain('203.0.113.3');
    expect(first.textContent).toContain('1 lượt báo vi phạm · 2 lượt thích');
    expect(first.querySelector('time')?.textContent).toContain('(05/12/2026 10:30)');
  });

  it('reads a shared filtered view from the address and names the piece it is narrowed to', async () => {
    await open('/toa-soan/binh-luan?trang-thai=flagged&bai=41');
    expect(sent[0].path).toBe('/api/v1/admin/comments?status=flagged&article=41&page=1&per_page=50');
    expect((byLabel('Trạng thái') as unknown as HTMLSelectElement).value).toBe('flagged');
    expect(document.querySelector('.filters-article')?.textContent).toContain('Bão số 9 đổ bộ');
    await click(byText('button', 'Bỏ lọc theo bài')!);
    expect(window.location.search).toBe('?trang-thai=flagged');
  });

  it('shows the content <b>x</b><script> as text, never as HTML', async () => {
    await open();
    const content = card(2).querySelector('.comment-content')!;
    expect(content.textContent).toBe('<b>x</b><script>alert(1)</script>');
    expect(content.querySelector('b, script')).toBeNull();
  });

  it('takes an approved comment out of the queue and says so', async () => {
    await open();
    await click(byText('button', 'Duyệt', card(3))!);
    await waitFor(() => (cards().length === 2 ? true : null), 'the row to leave');
    expect(posts().map((s) => [s.path, s.body])).toEqual([['/api/v1/admin/comments/3/actions', { action: 'approve' }]]);
    expect(document.getElementById('binh-luan-3')).toBeNull();
    expect(said()).toBe('Đã duyệt bình luận của Bạn đọc 3.');
    expect(document.querySelector('.comment-said')?.getAttribute('aria-live')).toBe('polite');
    expect(document.querySelector('.list-count')?.textContent).toBe('2 bình luận.');
  });

  it('approves the ticked comments in one request, with their ids', async () => {
    await open();
    await click(byLabel('Chọn bình luận của Bạn đọc 3')!);
    await click(byLabel('Chọn bình luận của Bạn đọc 1')!);
    await click(byText('button', 'Duyệt đã chọn')!);
    await waitFor(() => (cards().length === 1 ? true : null), 'the rows to leave');
    expect(posts().map((s) => [s.path, s.body])).toEqual([['/api/v1/admin/comments/actions', { ids: [3, 1], action: 'approve' }]]);
    expect(said()).toBe('Đã duyệt 2 bình luận.');
  });

  it('ticks every comment shown with one box', async () => {
    await open();
    await click(byLabel('Chọn tất cả bình luận đang hiện')!);
    expect(cards().every((c) => c.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked)).toBe(true);
  });

  it('moves with j and k, approves with a and rejects with r the focused comment', async () => {
    await open();
    await press('j', document.body);
    expect(document.activeElement).toBe(card(3));
    await press('j');
    expect(document.activeElement).toBe(card(2));
    await press('k');
    expect(document.activeElement).toBe(card(3));
    await press('ArrowDown');
    expect(document.activeElement).toBe(card(2));
    await press('r');
    await waitFor(() => (cards().length === 2 ? true : null), 'the rejected row to leave');
    expect(posts().map((s) => [s.path, s.body])).toEqual([['/api/v1/admin/comments/2/actions', { action: 'reject' }]]);
    // The focus goes on to the next comment.
    expect(document.activeElement).toBe(card(1));
    await press('k');
    await press('a');
    await waitFor(() => (cards().length === 1 ? true : null), 'the approved row to leave');
    expect(posts().at(-1)!.path).toBe('/api/v1/admin/comments/3/actions');
    expect(posts().at(-1)!.body).toEqual({ action: 'approve' });
  });

  it('does nothing on a, r, j or x while the moderator types in a field', async () => {
    await open();
    await press('j', document.body);
    await click(byText('button', 'Trả lời', card(3))!);
    const field = byLabel('Trả lời Bạn đọc 3 (với tư cách Tòa soạn)', card(3)) as unknown as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    for (const k of ['a', 'r', 'j', 'x']) await press(k, field);
    await settle(10);
    expect(posts()).toEqual([]);
    expect(document.activeElement).toBe(field);
    expect(card(3).querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(false);
  });

  it('ticks the focused comment with x and acts on the selection with a', async () => {
    await open();
    await press('j', document.body);
    await press('x');
    await press('j');
    await press('j');
    await press('x');
    await press('a');
    await waitFor(() => (cards().length === 1 ? true : null), 'the rows to leave');
    expect(posts().map((s) => s.body)).toEqual([{ ids: [3, 1], action: 'approve' }]);
  });

  it('refuses an edit of 4 characters and accepts 5, counted as readers are (a decomposed ệ once)', async () => {
    await open();
    await click(byText('button', 'Sửa', card(3))!);
    const field = byLabel('Sửa nội dung', card(3)) as unknown as HTMLTextAreaElement;
    await type(field, 'abce\u0323\u0302'); // "abcệ" typed with combining marks: 4 characters
    await click(byText('button', 'Lưu', card(3))!);
    expect(card(3).querySelector('.field-error')?.textContent).toBe('Bình luận cần ít nhất 5 ký tự (đang có 4).');
    expect(posts()).toEqual([]);
    await type(field, 'abcde\u0323\u0302');
    await click(byText('button', 'Lưu', card(3))!);
    await waitFor(() => byText('.state', 'Đã sửa', card(3)), 'the edited mark');
    expect(posts().map((s) => s.body)).toEqual([{ action: 'edit', content: 'abcd\u1EC7' }]);
    expect(card(3).querySelector('.comment-content')?.textContent).toBe('abcd\u1EC7');
  });

  it('shows the paper\'s reply under the comment, marked Tòa soạn', async () => {
    sent = fakeApi({
      'GET /api/v1/admin/comments': () => ({ body: { comments: list, total: 3 } }),
      'POST /api/v1/admin/comments/3/actions': () => ({
        status: 201,
        body: comment(10, { parent_id: 3, newsroom: true, status: 'approved', content: 'Cảm ơn bạn đã góp ý.' }),
      }),
    });
    await open();
    await click(byText('button', 'Trả lời', card(3))!);
    await type(byLabel('Trả lời Bạn đọc 3 (với tư cách Tòa soạn)', card(3)) as unknown as HTMLTextAreaElement, 'Cảm ơn bạn đã góp ý.');
    await click(byText('button', 'Gửi trả lời', card(3))!);
    const replies = await waitFor(() => card(3).querySelector('.comment-replies'), 'the reply');
    expect(replies.textContent).toBe('Tòa soạn Cảm ơn bạn đã góp ý.');
    expect(posts()[0].body).toEqual({ action: 'reply', content: 'Cảm ơn bạn đã góp ý.' });
  });

  it('fetches the queue again when the stream says something arrived', async () => {
    await open();
    expect(FakeStream.last?.url).toBe('/api/v1/admin/comments/stream');
    const before = sent.length;
    list = [comment(4), ...list];
    await act(async () => {
      FakeStream.last!.emit('queue');
      FakeStream.last!.emit('queue');
    });
    await settle(REFRESH_DEBOUNCE_MS + 50);
    // Two events in a burst: one request.
    expect(sent.slice(before).map((s) => s.path)).toEqual(['/api/v1/admin/comments?status=pending&page=1&per_page=50']);
    await waitFor(() => (cards().length === 4 ? true : null), 'the new comment');
    expect(cards()[0]).toBe(card(4));
  });

  it('does not move the list under a moderator who has ticked comments: it says how many are new', async () => {
    await open();
    await click(byLabel('Chọn bình luận của Bạn đọc 2')!);
    list = [comment(5), comment(4), ...list];
    await act(async () => FakeStream.last!.emit('queue'));
    const note = await waitFor(() => document.querySelector('.comment-waiting'), 'the note');
    await settle(REFRESH_DEBOUNCE_MS);
    expect(note.textContent).toContain('2 bình luận mới.');
    expect(cards().length).toBe(3);
    await click(byText('button', 'Xem bình luận mới')!);
    expect(cards().length).toBe(5);
    expect(card(2).querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(true);
  });

  it('asks every 30 s when the stream cannot be had', async () => {
    // Only the interval is faked: the rest of the screen runs on real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      await open();
      await act(async () => {
        FakeStream.last!.readyState = FakeStream.CLOSED;
        FakeStream.last!.emit('error');
      });
      const before = sent.length;
      await act(async () => vi.advanceTimersByTime(29_000));
      expect(sent.length).toBe(before);
      await act(async () => vi.advanceTimersByTime(1_000));
      await settle(REFRESH_DEBOUNCE_MS + 50);
      expect(sent.slice(before).map((s) => s.path)).toEqual(['/api/v1/admin/comments?status=pending&page=1&per_page=50']);
    } finally {
      vi.useRealTimers();
    }
  });
});
