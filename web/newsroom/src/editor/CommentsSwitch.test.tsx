// The piece screen's comments switch: closes and opens readers' comments on the piece, and
// leads to the queue narrowed to it.
import { afterEach, describe, expect, it } from 'vitest';
import { byText, cleanup, click, fakeApi, render, waitFor } from '../testing/dom';
import { CommentsSwitch } from './CommentsSwitch';

afterEach(cleanup);

describe('the comments switch', () => {
  it('closes comments on the piece and says so, and links to its comments', async () => {
    const sent = fakeApi({ 'PUT /api/v1/admin/articles/41/comments': (s) => ({ body: s.body }) });
    await render(<CommentsSwitch id={41} closed={false} />);
    expect(document.querySelector('.piece-comments strong')?.textContent).toBe('đang mở');
    expect(byText('a', 'Xem bình luận')?.getAttribute('href')).toBe('/toa-soan/binh-luan?bai=41');
    await click(byText('button', 'Đóng bình luận')!);
    await waitFor(() => byText('button', 'Mở bình luận'), 'the switch turned');
    expect(document.querySelector('.piece-comments strong')?.textContent).toBe('đã đóng');
    expect(sent.map((s) => [s.method, s.path, s.body])).toEqual([['PUT', '/api/v1/admin/articles/41/comments', { closed: true }]]);
  });
});
