// The newsroom's words for what the API names in English: one place, so buttons, lists and
// tests say the same thing.
import type { ActionName, BanKind, BulkCommentAction, CommentFlag, CommentStatus, CommentStatusFilter, Role, State } from './types';

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

export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  pending: 'Chờ duyệt',
  approved: 'Đã duyệt',
  rejected: 'Đã từ chối',
  spam: 'Spam',
};

/** The queue's filter, in the order the moderators pick from. */
export const COMMENT_FILTER_LABELS: Record<CommentStatusFilter, string> = {
  pending: 'Chờ duyệt',
  flagged: 'Bị gắn cờ',
  approved: 'Đã duyệt',
  rejected: 'Đã từ chối',
  spam: 'Spam',
};

export const COMMENT_FLAG_LABELS: Record<CommentFlag, string> = {
  links: 'Nhiều liên kết',
  words: 'Từ cấm',
  reports: 'Bị báo vi phạm',
};

/** What was done, for the live announcement: "Đã duyệt 3 bình luận". */
export const COMMENT_DONE_LABELS: Record<BulkCommentAction, string> = {
  approve: 'Đã duyệt',
  reject: 'Đã từ chối',
  spam: 'Đã đánh dấu spam',
};

export const BAN_KIND_LABELS: Record<BanKind, string> = {
  address: 'Địa chỉ IP',
  email: 'Email',
};
