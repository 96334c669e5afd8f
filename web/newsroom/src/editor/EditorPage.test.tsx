// The editor page as a whole in jsdom, against a fake API: what it shows, and that typing,
// Ctrl+S, actions and a new piece's creation reach the server as the API wants them.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../api/types';
import { signedIn } from '../session/session';
import EditorPage from './EditorPage';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const me: User = { id: 5, username: 'phong.vien', display_name: 'Phóng Viên', roles: ['reporter'], disabled: false };

const piece = {
  id: 41,
  external_id: 'toa-soan-1',
  title: 'Tin cũ',
  lead: 'Sapo cũ',
  blocks: [{ type: 'paragraph', text: 'Đoạn một.' }, { type: 'heading', text: 'Tiêu đề phụ' }],
  authors: ['Phóng Viên'],
  category: 'Thời sự',
  published: null,
  state: 'draft',
  state_label: 'Nháp',
  returned: true,
  revision: 10,
  published_revision: null,
  created_by: 5,
  coauthors: [],
  created: '2026-12-05T08:00:00+07:00',
  updated: '2026-12-05T09:00:00+07:00',
  updated_by: 5,
  scheduled_at: null,
  slug: '',
  published_at: null,
  holder: { user_id: 5 },
  actions: ['submit'],
};

interface Call {
  method: string;
  url: string;
  body: Record<string, unknown> | null;
}
let calls: Call[];
let revision: number;

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function fakeFetch(url: string, init: RequestInit): Promise<Response> {
  const method = init.method ?? 'GET';
  const body = init.body ? JSON.parse(String(init.body)) : null;
  calls.push({ method, url, body });
  if (url.endsWith('/categories')) return reply(200, { categories: [{ id: 1, name: 'Thời sự', slug: 'thoi-su' }, { id: 2, name: 'Kinh tế', slug: 'kinh-te' }] });
  if (url.endsWith('/people')) return reply(200, { people: [{ id: 9, username: 'bien.tap', display_name: 'Biên Tập', roles: ['editor'] }] });
  if (url.endsWith('/presence'))
    return method === 'POST' ? reply(200, {}) : reply(200, { present: [{ user_id: 9, username: 'bien.tap', display_name: 'Biên Tập', seen: '' }] });
  if (url.endsWith('/revisions'))
    return reply(200, {
      revisions: [
        { id: 10, kind: 'action', action: 'return', username: 'bien.tap', at: '2026-12-05T09:30:00+07:00', note: 'Thiếu nguồn', state: 'draft' },
      ],
    });
  if (url.endsWith('/actions')) {
    revision++;
    return reply(200, { ...piece, state: 'submitted', state_label: 'Chờ biên tập', returned: false, revision, actions: [] });
  }
  if (method === 'PUT') {
    revision++;
    return reply(200, { revision: { id: revision }, article: { ...piece, ...body, revision } });
  }
  if (method === 'POST' && url === '/api/v1/admin/articles') {
    revision++;
    return reply(201, { ...piece, ...body, id: 77, revision, returned: false });
  }
  if (url === '/api/v1/admin/articles/41') return reply(200, { ...piece, revision });
  return reply(404, { error: 'not_found', reason: 'Không có' });
}

let root: Root | null = null;
let host: HTMLElement;

async function render(id: number | null) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<EditorPage id={id} />));
  await until(() => host.querySelector('label') !== null);
}

async function until(ok: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
}

const byLabel = (text: string) => {
  // Dialogs open in a portal on document.body, outside the page's host.
  const label = [...document.body.querySelectorAll('label')].find((l) => l.textContent === text || l.firstChild?.textContent === text);
  const control = label?.htmlFor ? document.getElementById(label.htmlFor) : label?.querySelector("input, textarea, select");
  return control as HTMLInputElement;
};
const button = (text: string) => [...document.body.querySelectorAll('button')].find((b) => b.textContent === text)!;

async function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeEach(() => {
  calls = [];
  revision = 10;
  localStorage.clear();
  vi.stubGlobal('fetch', fakeFetch);
  window.history.replaceState(null, '', '/toa-soan/bai/41');
  signedIn(me, 'csrf');
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  host.remove();
  vi.unstubAllGlobals();
});

describe('EditorPage', () => {
  it('shows the piece: fields, body, counts, state, return note, presence, actions and links', async () => {
    await render(41);
    expect(byLabel('Tiêu đề').value).toBe('Tin cũ');
    expect(byLabel('Sapo').value).toBe('Sapo cũ');
    expect(byLabel('Tác giả').value).toBe('Phóng Viên');
    await until(() => byLabel('Chuyên mục').querySelectorAll('option').length === 3);
    expect(byLabel('Chuyên mục').value).toBe('Thời sự');
    expect(byLabel('Thời gian xuất bản').value).toBe('');
    const body = host.querySelector('[aria-label="Nội dung bài"]')!;
    expect(body.getAttribute('contenteditable')).toBe('true');
    expect(body.textContent).toBe('Đoạn một.Tiêu đề phụ');
    expect(host.querySelector('.body-counts')!.textContent).toBe('5 từ · 20 ký tự');
    expect(host.textContent).toContain('Trạng thái: Nháp');
    await until(() => host.textContent!.includes('Bị trả lại:'));
    expect(host.querySelector('.return-note')!.textContent).toContain('Thiếu nguồn');
    expect(host.querySelector('.return-note')!.textContent).toContain('Biên Tập');
    await until(() => host.textContent!.includes('Biên Tập đang mở bài này'));
    for (const t of ['Đậm', 'Nghiêng', 'Liên kết', 'Tiêu đề phụ', 'Trích dẫn', 'Danh sách', 'Danh sách số', 'Ảnh'])
      expect(button(t), t).toBeTruthy();
    expect(button('Đậm').getAttribute('aria-pressed')).toBe('false');
    expect(button('Gửi biên tập')).toBeTruthy();
    expect(button('Trả lại')).toBeUndefined();
    const history = [...host.querySelectorAll('a')].find((a) => a.textContent === 'Lịch sử')!;
    expect(history.getAttribute('href')).toBe('/toa-soan/bai/41/lich-su');
    const preview = [...host.querySelectorAll('a')].find((a) => a.textContent === 'Xem trước')!;
    expect(preview.getAttribute('href')).toBe('/toa-soan/xem-truoc/41');
    expect(preview.getAttribute('target')).toBe('_blank');
    expect(preview.getAttribute('rel')).toBe('noopener');
  });

  it('autosaves a typed title two seconds later, and saves at once on Ctrl+S', async () => {
    await render(41);
    await typeInto(byLabel('Tiêu đề'), 'Tin mới');
    const status = host.querySelector('[role="status"][aria-live="polite"]')!;
    expect(status.textContent).toBe('Chưa lưu');
    await until(() => calls.some((c) => c.method === 'PUT'), 4000);
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/admin/articles/41');
    expect(put.body).toMatchObject({ title: 'Tin mới', revision: 10, autosave: true, category: 'Thời sự' });
    expect(put.body!.blocks).toEqual([
      { type: 'paragraph', runs: [{ text: 'Đoạn một.' }] },
      { type: 'heading', text: 'Tiêu đề phụ' },
    ]);
    await until(() => status.textContent!.startsWith('Đã lưu lúc '));

    await typeInto(byLabel('Sapo'), 'Sapo mới');
    const ev = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true });
    await act(async () => window.dispatchEvent(ev));
    expect(ev.defaultPrevented).toBe(true);
    await until(() => calls.filter((c) => c.method === 'PUT').length === 2, 500);
    expect(calls.filter((c) => c.method === 'PUT')[1].body).toMatchObject({ lead: 'Sapo mới', revision: 11 });
    expect(calls.filter((c) => c.method === 'PUT')[1].body).not.toHaveProperty('autosave');
  });

  it('asks a note for return in a dialog, and sends the action with it', async () => {
    piece.actions = ['return', 'pass'];
    try {
      await render(41);
      await act(async () => button('Trả lại').click());
      const dialog = document.querySelector('[role="dialog"]')!;
      expect(dialog.querySelector('h2')!.textContent).toBe('Trả lại');
      await act(async () => button('Xác nhận').click());
      expect(dialog.textContent).toContain('Cần ghi chú');
      expect(calls.some((c) => c.url.endsWith('/actions'))).toBe(false);
      await typeInto(byLabel('Ghi chú'), 'Thiếu ảnh');
      await act(async () => button('Xác nhận').click());
      await until(() => calls.some((c) => c.url.endsWith('/actions')));
      expect(calls.find((c) => c.url.endsWith('/actions'))!.body).toEqual({ action: 'return', note: 'Thiếu ảnh' });
      await until(() => document.querySelector('[role="dialog"]') === null);
      expect(host.textContent).toContain('Trạng thái: Chờ biên tập');
    } finally {
      piece.actions = ['submit'];
    }
  });

  it('creates a new piece only once something is typed, then moves to its address without reloading', async () => {
    window.history.replaceState(null, '', '/toa-soan/bai/moi');
    await render(null);
    expect(byLabel('Tác giả').value).toBe('Phóng Viên');
    await act(() => new Promise((r) => setTimeout(r, 2200)));
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/admin/articles')).toBe(false);
    const title = byLabel('Tiêu đề');
    await typeInto(title, 'Bài mới tinh');
    await until(() => window.location.pathname === '/toa-soan/bai/77', 4000);
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/v1/admin/articles')!.body).toMatchObject({
      title: 'Bài mới tinh',
      authors: ['Phóng Viên'],
    });
    await act(async () => root!.render(<EditorPage id={77} />));
    // The same inputs: nothing was reloaded.
    expect(byLabel('Tiêu đề')).toBe(title);
    expect(calls.some((c) => c.method === 'GET' && c.url === '/api/v1/admin/articles/77')).toBe(false);
  });

  it('restores an unsaved copy kept in the browser and saves it', async () => {
    localStorage.setItem(
      'toasoan:piece:41',
      JSON.stringify({ content: { ...piece, title: 'Chưa kịp lưu' }, base: 10, at: '2026-12-05T02:00:00Z' }),
    );
    await render(41);
    expect(byLabel('Tiêu đề').value).toBe('Chưa kịp lưu');
    expect(host.textContent).toContain('Đã khôi phục bản chưa lưu trên máy này');
    await until(() => calls.some((c) => c.method === 'PUT'));
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({ title: 'Chưa kịp lưu', revision: 10 });
    await until(() => localStorage.getItem('toasoan:piece:41') === null);
  });
});
