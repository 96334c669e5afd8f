// The article list follows its address: a choice becomes a history entry, typing replaces
// one, and the server is asked for what the address says.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Summary } from '../api/types';
import { byLabel, byText, cleanup, fakeApi, render, settle, type, waitFor, type Sent } from '../testing/dom';
import ArticleListPage from './ArticleListPage';

const piece: Summary = {
  id: 41, title: '', state: 'draft', state_label: 'Nháp', returned: true, category: 'Thời sự', authors: ['Huy Thành'],
  created_by: 5, updated: '2026-12-05T03:32:00Z', updated_by: 5, scheduled_at: null, published_at: null, revision: 3,
};

let sent: Sent[];
beforeEach(() => {
  window.scrollTo = () => {};
  sent = fakeApi({
    'GET /api/v1/admin/articles': (s) => ({
      body: { articles: s.path.includes('q=') ? [] : [piece], total: s.path.includes('q=') ? 0 : 45, page: 1, per_page: 20 },
    }),
    'GET /api/v1/admin/people': () => ({ body: { people: [{ id: 5, username: 'huy.thanh', display_name: 'Huy Thành', roles: ['reporter'] }] } }),
    'GET /api/v1/admin/categories': () => ({ body: { categories: [{ id: 2, name: 'Thời sự', slug: 'thoi-su' }] } }),
  });
});
afterEach(cleanup);

const articleCalls = () => sent.filter((s) => s.path.startsWith('/api/v1/admin/articles')).map((s) => s.path);

async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the article list', () => {
  it('reads its filters from the address and shows the pieces', async () => {
    window.history.replaceState(null, '', '/toa-soan/bai?state=returned&author=5&page=2');
    await render(<ArticleListPage />);
    await waitFor(() => document.querySelector('table'));
    expect(articleCalls()).toContain('/api/v1/admin/articles?state=returned&author=5&sort=-updated&page=2&per_page=20');
    expect(document.querySelector('caption')?.textContent).toBe('Danh sách bài viết');
    const cells = Array.from(document.querySelectorAll('tbody td')).map((td) => td.textContent);
    expect(cells).toEqual(['(Chưa có tiêu đề)', 'NhápBị trả lại', 'Thời sự', 'Huy Thành', '05/12/2026 10:32']);
    expect(document.querySelector('.pagination-where')?.textContent).toBe('Trang 2 / 3');
    expect((byLabel('Trạng thái') as unknown as HTMLSelectElement).value).toBe('returned');
    await waitFor(() => byText('option', 'Huy Thành'));
    expect((byLabel('Tác giả') as unknown as HTMLSelectElement).value).toBe('5');
  });

  it('puts a choice in the address as a new entry, back to page 1', async () => {
    window.history.replaceState(null, '', '/toa-soan/bai?page=2');
    await render(<ArticleListPage />);
    await waitFor(() => document.querySelector('table'));
    const before = window.history.length;
    await choose(byLabel('Trạng thái') as unknown as HTMLSelectElement, 'submitted');
    expect(window.location.pathname + window.location.search).toBe('/toa-soan/bai?state=submitted');
    expect(window.history.length).toBe(before + 1);
    await settle(20);
    expect(articleCalls().at(-1)).toBe('/api/v1/admin/articles?state=submitted&sort=-updated&page=1&per_page=20');
  });

  it('replaces the entry while typing, and says when nothing matches', async () => {
    window.history.replaceState(null, '', '/toa-soan/bai');
    await render(<ArticleListPage />);
    await waitFor(() => document.querySelector('table'));
    const before = window.history.length;
    const search = byLabel('Tìm trong tiêu đề và sapo')!;
    await type(search, 'b');
    await type(search, 'bão');
    expect(window.location.search).toBe('?q=b%C3%A3o');
    expect(window.history.length).toBe(before);
    await waitFor(() => byText('p', 'Không có bài nào khớp bộ lọc. Xem tất cả bài'), 'the empty state');
    // The server heard the pause, not each letter.
    expect(articleCalls().filter((p) => p.includes('q='))).toEqual(['/api/v1/admin/articles?q=b%C3%A3o&sort=-updated&page=1&per_page=20']);
  });
});
