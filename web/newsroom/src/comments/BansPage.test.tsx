// Bans as a moderator uses them: a ban needs a reason, a comment's "Chặn" fills the form, and
// lifting one is asked first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentBan, User } from '../api/types';
import { signedIn } from '../session/session';
import { byLabel, byText, cleanup, click, fakeApi, render, type, waitFor, type Sent } from '../testing/dom';
import BansPage from './BansPage';

const moderator: User = { id: 9, username: 'kiem.duyet', display_name: 'Kiểm Duyệt', roles: ['moderator'], disabled: false };
const ban: CommentBan = {
  id: 7, kind: 'email', value: 'spam@vi.du', until: '2027-01-04T03:00:00Z', reason: 'Quảng cáo', created: '2026-12-05T03:00:00Z',
};

let sent: Sent[];
let bans: CommentBan[];
beforeEach(() => {
  window.scrollTo = () => {};
  signedIn(moderator, 'token');
  bans = [ban];
  sent = fakeApi({
    'GET /api/v1/admin/comment-bans': () => ({ body: { bans } }),
    'POST /api/v1/admin/comment-bans': (s) => {
      const b = { ...(s.body as CommentBan), id: 8, until: '2027-01-04T03:00:00Z', created: '2026-12-05T03:00:00Z' };
      bans = [...bans, b];
      return { status: 201, body: b };
    },
    'DELETE /api/v1/admin/comment-bans/7': () => {
      bans = [];
      return { status: 204 };
    },
  });
});
afterEach(cleanup);

const changes = () => sent.filter((s) => s.method !== 'GET');

describe('the bans', () => {
  it('lists the bans in force', async () => {
    window.history.replaceState(null, '', '/toa-soan/binh-luan/chan');
    await render(<BansPage />);
    await waitFor(() => document.querySelector('tbody tr'));
    expect(Array.from(document.querySelectorAll('tbody td')).slice(0, 4).map((td) => td.textContent)).toEqual([
      'Email', 'spam@vi.du', '04/01/2027 10:00', 'Quảng cáo',
    ]);
  });

  it('will not ban without a reason, and bans with one', async () => {
    window.history.replaceState(null, '', '/toa-soan/binh-luan/chan?dia-chi=203.0.113.3&email=');
    await render(<BansPage />);
    // Opened from a comment without an email: its address, ready to ban.
    expect((byLabel('Địa chỉ IP cần chặn') as HTMLInputElement).value).toBe('203.0.113.3');
    await click(byText('button', 'Chặn')!);
    expect(document.querySelector('.field-invalid .field-error')?.textContent).toBe('Hãy ghi lý do chặn.');
    expect(changes()).toEqual([]);
    await type(byLabel('Lý do') as unknown as HTMLTextAreaElement, 'Chửi bới nhiều lần');
    await click(byText('button', 'Chặn')!);
    await waitFor(() => byText('td', '203.0.113.3'), 'the new ban in the list');
    expect(changes().map((s) => s.body)).toEqual([{ kind: 'address', value: '203.0.113.3', days: 30, reason: 'Chửi bới nhiều lần' }]);
    expect(document.querySelector('.comment-said')?.textContent).toBe('Đã chặn 203.0.113.3.');
  });

  it('asks before lifting a ban', async () => {
    window.history.replaceState(null, '', '/toa-soan/binh-luan/chan');
    await render(<BansPage />);
    await click(await waitFor(() => byText('button', 'Gỡ chặn spam@vi.du')));
    const dialog = await waitFor(() => document.querySelector('[role="dialog"]'));
    expect(changes()).toEqual([]);
    await click(byText('button', 'Gỡ chặn', dialog)!);
    await waitFor(() => byText('p', 'Không chặn ai.'), 'the empty list');
    expect(changes().map((s) => [s.method, s.path])).toEqual([['DELETE', '/api/v1/admin/comment-bans/7']]);
  });
});
