// The uploads, one line each: the file's name, a <progress> while it is sent, and when it fails
// the server's reason and "Thử lại". A live region announces when a file is done or refused
// (not every percent: a screen reader would read nothing else).
import './photos.css';
import type { UploadLine } from './upload_queue';

export interface UploadListProps {
  lines: UploadLine[];
  onRetry: (key: number) => void;
  onClear: () => void;
}

function statusText(l: UploadLine): string {
  switch (l.status) {
    case 'waiting':
      return l.message || 'Đang chờ';
    case 'sending':
      return l.sent < 1 ? `Đang tải lên ${Math.round(l.sent * 100)}%` : 'Máy chủ đang xử lý ảnh…';
    case 'retrying':
      return l.message;
    case 'done':
      return 'Đã tải lên';
    case 'failed':
      return `Không tải lên được: ${l.message}`;
  }
}

export function UploadList({ lines, onRetry, onClear }: UploadListProps) {
  const over = lines.filter((l) => l.status === 'done' || l.status === 'failed');
  const announced = over.map((l) => `${l.name}: ${statusText(l)}`).join('. ');
  return (
    <>
      <section className="photo-uploads" aria-label="Ảnh đang tải lên" hidden={!lines.length}>
        <ul className="photo-upload-lines">
          {lines.map((l) => (
            <li key={l.key} className={`photo-upload photo-upload-${l.status}`}>
              <span className="photo-upload-name">{l.name}</span>
              {(l.status === 'sending' || l.status === 'waiting' || l.status === 'retrying' || l.status === 'done') && (
                <progress
                  max={1}
                  value={l.status === 'done' ? 1 : l.status === 'sending' ? l.sent : 0}
                  aria-label={`Tải lên ${l.name}`}
                />
              )}
              <span className="photo-upload-status">{statusText(l)}</span>
              {l.status === 'failed' && (
                <button type="button" className="button button-small" onClick={() => onRetry(l.key)}>
                  Thử lại
                </button>
              )}
            </li>
          ))}
        </ul>
        {over.length === lines.length && lines.length > 0 && (
          <button type="button" className="button button-small" onClick={onClear}>
            Ẩn danh sách tải lên
          </button>
        )}
      </section>
      {/* Outside the section, which is hidden when empty: a live region must exist before it speaks. */}
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
    </>
  );
}
