// The picker as a writer uses it: the library's photos with caption and credit, a search that
// reaches the server once typing pauses, pages, choosing one, and files handed to the upload.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../api/types';
import { signedIn } from '../session/session';
import { byLabel, byText, cleanup, click, fakeApi, render, settle, type, waitFor, type Sent } from '../testing/dom';
import { PhotoPicker } from './PhotoPicker';
import { photo } from './testing_photo';

const reporter: User = { id: 3, username: 'phong.vien', display_name: 'Phóng Viên Một', roles: ['reporter'], disabled: false };

let sent: Sent[];
beforeEach(() => {
  signedIn(reporter, 'token');
  sent = fakeApi({
    'GET /api/v1/admin/media': (s) => {
      const q = new URL(s.path, 'http://x').searchParams;
      const page = Number(q.get('page') ?? 1);
      const photos = q.get('q') === 'do hung'
        ? [photo(7, { caption: 'Hội nghị', credit: 'Đỗ Hùng' })]
        : [photo(page * 10, { caption: `Ảnh trang ${page}`, credit: 'Huy Thành' })];
      return { body: { photos, total: q.get('q') ? 1 : 45, page, per_page: 30 } };
    },
  });
});
afterEach(cleanup);

const gets = () => sent.filter((s) => s.method === 'GET').map((s) => s.path);

describe('the photo picker', () => {
  it('shows the library with captions and credits, pages through it and searches it', async () => {
    await render(<PhotoPicker multiple onUpload={() => {}} onChoose={() => {}} onClose={() => {}} />);
    const dialog = await waitFor(() => document.querySelector('[role="dialog"]'));
    await waitFor(() => byText('p', 'Ảnh trang 1', dialog));
    expect(byText('p', 'Ảnh: Huy Thành', dialog)).not.toBeNull();
    expect(dialog.querySelector('img')!.getAttribute('src')).toBe('/media/anh/3f/3f000010-480.jpg');
    await click(byText('button', 'Trang sau', dialog)!);
    await waitFor(() => byText('p', 'Ảnh trang 2', dialog));
    await type(byLabel('Tìm trong thư viện ảnh', dialog)!, 'do hung');
    await settle(300);
    await waitFor(() => byText('p', 'Hội nghị', dialog));
    expect(gets()).toEqual(['/api/v1/admin/media', '/api/v1/admin/media?page=2', '/api/v1/admin/media?q=do+hung']);
  });

  it('hands back the photo chosen', async () => {
    const onChoose = vi.fn();
    await render(<PhotoPicker multiple onUpload={() => {}} onChoose={onChoose} onClose={() => {}} />);
    const button = await waitFor(() => byText('button', 'Chọn ảnh này'));
    expect(button.getAttribute('aria-label')).toBe('Chọn ảnh Ảnh trang 1');
    await click(button);
    expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({ id: 10, caption: 'Ảnh trang 1' }));
  });

  it('hands the files picked to the upload, several for a new place and one for a figure', async () => {
    const onUpload = vi.fn();
    await render(<PhotoPicker multiple onUpload={onUpload} onChoose={() => {}} onClose={() => {}} />);
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('image/heic');
    const files = [new File(['a'], 'a.jpg', { type: 'image/jpeg' }), new File(['b'], 'b.png', { type: 'image/png' })];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onUpload).toHaveBeenCalledWith(files);
    await render(<PhotoPicker multiple={false} onUpload={onUpload} onChoose={() => {}} onClose={() => {}} />);
    expect(document.querySelector<HTMLInputElement>('input[type="file"]')!.multiple).toBe(false);
  });

  it('closes on Escape', async () => {
    const onClose = vi.fn();
    await render(<PhotoPicker multiple onUpload={() => {}} onChoose={() => {}} onClose={onClose} />);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onClose).toHaveBeenCalled();
  });
});
