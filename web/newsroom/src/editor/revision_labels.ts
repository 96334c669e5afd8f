// A revision's kind as the history lists it.
import { ACTION_LABELS } from '../api/labels';
import type { ActionName, Revision } from '../api/types';

const KINDS: Record<Revision['kind'], string> = {
  create: 'Tạo bài',
  save: 'Lưu',
  autosave: 'Tự động lưu',
  action: 'Thao tác',
  import: 'Nhập từ tệp',
  restore: 'Khôi phục bản cũ',
};

export function revisionKind(r: Pick<Revision, 'kind' | 'action'>): string {
  if (r.kind === 'action' && r.action) return ACTION_LABELS[r.action as ActionName] ?? r.action;
  return KINDS[r.kind] ?? r.kind;
}
