// What each audit action means, in the newsroom's words (docs/api.md lists the actions).
import { ACTION_LABELS, STATE_LABELS } from '../api/labels';
import type { ActionName, State } from '../api/types';

const OTHER: Record<string, string> = {
  login: 'Đăng nhập',
  'login.failed': 'Đăng nhập sai',
  logout: 'Đăng xuất',
  'user.add': 'Thêm người dùng',
  'user.roles': 'Đổi vai trò',
  'user.rename': 'Đổi tên hiển thị',
  'user.disable': 'Khóa tài khoản',
  'user.enable': 'Mở khóa tài khoản',
  'user.password': 'Đặt mật khẩu mới',
  'setting.chain': 'Đổi quy trình duyệt bài',
  'article.create': 'Tạo bài',
  'article.save': 'Lưu bài',
  'article.restore_revision': 'Khôi phục phiên bản cũ',
  'photo.upload': 'Tải ảnh lên',
  'photo.describe': 'Sửa chú thích ảnh',
  'photo.remove': 'Xóa ảnh khỏi thư viện',
};

/** "article.publish" → "Xuất bản"; an action this app does not know yet → its code. */
export function auditActionLabel(action: string): string {
  if (OTHER[action]) return OTHER[action];
  if (action.startsWith('article.')) {
    const a = action.slice('article.'.length) as ActionName;
    if (a in ACTION_LABELS) return ACTION_LABELS[a];
  }
  return action;
}

/** A state's label, or its name when unknown; '' for none. */
export function stateLabel(state: string | null): string {
  if (!state) return '';
  return STATE_LABELS[state as State] ?? state;
}
