// The front page: each queue's heading with its count, its first pieces, and the way to the
// whole queue in the list.
import { afterEach, describe, expect, it } from 'vitest';
import type { Summary, User } from '../api/types';
import { signedIn } from '../session/session';
import { byText, cleanup, fakeApi, render, waitFor } from '../testing/dom';
import DeskPage from './DeskPage';

afterEach(cleanup);

const editor: User = { id: 7, username: 'bien.tap', display_name: 'Biên Tập', roles: ['editor', 'chief'], disabled: false };
const scheduled: Summary = {
  id: 9, title: 'Lịch cắt điện tuần tới', state: 'scheduled', state_label: 'Hẹn giờ', returned: false, category: 'Đời sống',
  authors: [], created_by: 3, updated: '2026-12-05T09:00:00+07:00', updated_by: 7,
  scheduled_at: '2026-12-06T06:00:00+07:00', published_at: null, revision: 4,
};
const empty = { count: 0, first: [] };

describe('the front page', () => {
  it('shows each queue with its count and links to the whole of it', async () => {
    signedIn(editor, 'token');
    fakeApi({
      'GET /api/v1/admin/queues': () => ({
        body: { queues: { mine: empty, waiting: { count: 12, first: [] }, returned: empty, scheduled: { count: 1, first: [scheduled] }, published_today: empty } },
      }),
    });
    await render(<DeskPage />);
    await waitFor(() => document.querySelector('.queues'));
    expect(Array.from(document.querySelectorAll('h2')).map((h) => h.textContent)).toEqual([
      'Bài của tôi (0)',
      'Chờ tôi xử lý (12)',
      'Bị trả lại (0)',
      'Đã hẹn giờ (1)',
      'Xuất bản hôm nay (0)',
    ]);
    const line = byText<HTMLAnchorElement>('a', 'Lịch cắt điện tuần tới')!;
    expect(line.getAttribute('href')).toBe('/toa-soan/bai/9');
    expect(line.closest('li')!.textContent).toContain('Lên trang 06/12/2026 06:00');
    expect(byText('a', 'Xem tất cả bài của tôi')!.getAttribute('href')).toBe('/toa-soan/bai?state=draft&author=7');
    expect(byText('a', 'Xem tất cả bài chờ biên tập')!.getAttribute('href')).toBe('/toa-soan/bai?state=submitted');
    expect(byText('a', 'Xem tất cả bài chờ xuất bản')!.getAttribute('href')).toBe('/toa-soan/bai?state=approved');
    expect(byText('a', 'Xem tất cả bài bị trả lại')!.getAttribute('href')).toBe('/toa-soan/bai?state=returned&author=7');
    expect(byText('a', 'Viết bài mới')!.getAttribute('href')).toBe('/toa-soan/bai/moi');
  });
});
