// The newsroom's words for what the API names in English: one place, so buttons, lists and
// tests say the same thing.
import type { ActionName, Role, State } from './types';

export const ACTION_LABELS: Record<ActionName, string> = {
  submit: 'Gửi biên tập',
  pass: 'Chuyển tiếp',
  return: 'Trả lại',
  approve: 'Duyệt',
  publish: 'Xuất bản',
  schedule: 'Hẹn giờ',
  unschedule: 'Hủy hẹn giờ',
  correct: 'Đính chính',
  take_down: 'Gỡ bài',
  restore: 'Khôi phục',
};

export const STATE_LABELS: Record<State, string> = {
  draft: 'Nháp',
  submitted: 'Chờ biên tập',
  edited: 'Chờ thư ký duyệt',
  approved: 'Chờ xuất bản',
  scheduled: 'Hẹn giờ',
  published: 'Đã xuất bản',
  taken_down: 'Đã gỡ',
};

export const ROLE_LABELS: Record<Role, string> = {
  reporter: 'Phóng viên',
  editor: 'Biên tập viên',
  secretary: 'Thư ký tòa soạn',
  chief: 'Tổng biên tập',
  moderator: 'Kiểm duyệt bình luận',
  admin: 'Quản trị',
};
