// The photo picker, over the editor: "Tải ảnh lên" (the files go to the editor's upload lines
// and the dialog closes) or the library — search as you type (the server ignores marks and
// case), thirty a page, "Chọn ảnh này" on each. The dialog traps focus and gives it back to the
// body when it closes.
import './photos.css';
import { useId, useRef, useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { pageCountOf } from '../ui/Pagination';
import { useApi } from '../ui/useApi';
import { useDebounced } from '../ui/useDebounced';
import { libraryPath, type Photo, type PhotoPage } from './api';
import { PhotoGrid } from './PhotoGrid';

export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif';

export interface PhotoPickerProps {
  /** Several files at once (a new place in the body), or one (a figure's "Đổi ảnh"). */
  multiple: boolean;
  onUpload: (files: File[]) => void;
  onChoose: (photo: Photo) => void;
  onClose: () => void;
}

export function PhotoPicker({ multiple, onUpload, onChoose, onClose }: PhotoPickerProps) {
  const [q, setQ] = useState('');
  const settled = useDebounced(q, 250);
  // A page belongs to the search it was turned for: a new search starts at its first page, and
  // is asked for once, when the typing pauses.
  const [paging, setPaging] = useState({ q: '', page: 1 });
  const page = paging.q === settled ? paging.page : 1;
  const setPage = (n: number) => setPaging({ q: settled, page: n });
  const { data, error, loading } = useApi<PhotoPage>(libraryPath(settled, page));
  const file = useRef<HTMLInputElement>(null);
  const searchId = useId();
  const pages = data ? pageCountOf(data.total, data.per_page || 30) : 1;

  return (
    <Dialog title="Chọn ảnh" onClose={onClose} className="dialog-photos">
      <div className="photo-picker-upload">
        <button type="button" className="button button-primary" data-autofocus onClick={() => file.current?.click()}>
          Tải ảnh lên
        </button>
        <input
          ref={file}
          type="file"
          accept={PHOTO_ACCEPT}
          multiple={multiple}
          hidden
          aria-label="Tệp ảnh"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) onUpload(files);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={searchId}>Tìm trong thư viện ảnh</label>
        <input
          id={searchId}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <PhotoGrid
        data={data}
        error={error}
        loading={loading}
        action={(p) => (
          <button type="button" className="button button-small" onClick={() => onChoose(p)} aria-label={`Chọn ảnh ${p.caption || p.filename}`}>
            Chọn ảnh này
          </button>
        )}
      />
      {pages > 1 && (
        <nav className="pagination" aria-label="Phân trang thư viện ảnh">
          <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Trang trước
          </button>
          <span className="pagination-where">
            Trang {page} / {pages}
          </span>
          <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Trang sau
          </button>
        </nav>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={onClose}>
          Đóng
        </button>
      </div>
    </Dialog>
  );
}
