// Where the piece stands with the server, said politely to screen readers as it changes.
import { vnClock } from '../text/vn_time';
import type { SaveStatus } from './save_queue';

export function saveStatusText(s: SaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return '';
    case 'dirty':
      return 'Chưa lưu';
    case 'saving':
      return 'Đang lưu…';
    case 'saved':
      return `Đã lưu lúc ${vnClock(s.at)}`;
    case 'offline':
      return 'Ngoại tuyến — bài được giữ trên máy này, sẽ gửi khi có mạng';
    case 'expired':
      return 'Phiên đăng nhập đã hết hạn — bài được giữ trên máy này, sẽ gửi khi đăng nhập lại';
    case 'error':
      return s.retrying ? `Chưa lưu: ${s.message} — sẽ thử lại` : `Chưa lưu: ${s.message}`;
    case 'conflict':
      return 'Chưa lưu: có người khác vừa lưu bài này';
  }
}

export function SaveStatusLine({ status }: { status: SaveStatus }) {
  return (
    <p className={`save-status save-status-${status.kind}`} role="status" aria-live="polite">
      {saveStatusText(status)}
    </p>
  );
}
