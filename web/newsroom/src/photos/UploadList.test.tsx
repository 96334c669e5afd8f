// The upload lines as a writer sees them: a progress bar per file while it is sent, the
// server's reason on a refused file's line with "Thử lại", and each outcome announced.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byText, cleanup, click, render } from '../testing/dom';
import { UploadList } from './UploadList';
import type { UploadLine } from './upload_queue';

afterEach(cleanup);

const line = (key: number, name: string, over: Partial<UploadLine>): UploadLine => ({ key, name, status: 'waiting', sent: 0, message: '', ...over });

describe('the upload lines', () => {
  it('shows each file with its progress, and a refused one with the server’s reason', async () => {
    const onRetry = vi.fn();
    await render(
      <UploadList
        lines={[
          line(1, 'a.jpg', { status: 'sending', sent: 0.42 }),
          line(2, 'b.jpg', { status: 'done', sent: 1 }),
          line(3, 'trang.jpg', { status: 'failed', message: 'Tệp không phải là ảnh' }),
        ]}
        onRetry={onRetry}
        onClear={() => {}}
      />,
    );
    const items = [...document.querySelectorAll('.photo-upload')];
    expect(items.map((li) => li.querySelector('progress')?.value ?? null)).toEqual([0.42, 1, null]);
    expect(items[0].querySelector('progress')!.getAttribute('aria-label')).toBe('Tải lên a.jpg');
    expect(items.map((li) => li.querySelector('.photo-upload-status')!.textContent)).toEqual([
      'Đang tải lên 42%',
      'Đã tải lên',
      'Không tải lên được: Tệp không phải là ảnh',
    ]);
    await click(byText('button', 'Thử lại')!);
    expect(onRetry).toHaveBeenCalledWith(3);
    expect(document.querySelector('[aria-live="polite"]')!.textContent).toBe(
      'b.jpg: Đã tải lên. trang.jpg: Không tải lên được: Tệp không phải là ảnh',
    );
  });

  it('offers to hide the lines once every file is over, and is hidden when there are none', async () => {
    await render(<UploadList lines={[line(1, 'a.jpg', { status: 'done', sent: 1 })]} onRetry={() => {}} onClear={() => {}} />);
    expect(byText('button', 'Ẩn danh sách tải lên')).not.toBeNull();
    await render(<UploadList lines={[]} onRetry={() => {}} onClear={() => {}} />);
    expect(document.querySelector<HTMLElement>('.photo-uploads')!.hidden).toBe(true);
  });
});
