// Which actions ask for something first, and how an action's failure is said to the writer.
import { ApiError } from '../api/client';
import type { ActionName } from '../api/types';
import { fieldMessages } from './field_labels';
import { NotSaved } from './save_queue';

/** Actions whose note is required: the author reads a return's, readers a correction's. */
export const NOTE_REQUIRED: ReadonlySet<ActionName> = new Set(['return', 'correct']);
/** Actions that offer a note the next person may read. */
export const NOTE_OFFERED: ReadonlySet<ActionName> = new Set(['submit', 'pass', 'approve']);

/** True when the action opens a dialog (a note or a time) before it is taken. */
export const asksFirst = (a: ActionName) => NOTE_REQUIRED.has(a) || NOTE_OFFERED.has(a) || a === 'schedule';

/** What went wrong, in a sentence or a few (one per field for a 422). */
export function actionError(e: unknown): string[] {
  if (e instanceof NotSaved) return [e.message];
  if (!(e instanceof ApiError)) return [(e as Error)?.message || 'Lỗi không rõ'];
  if (e.offline) return ['Mất kết nối tới máy chủ. Bài vẫn được giữ trên máy này; hãy thử lại khi có mạng.'];
  if (e.status === 401) return ['Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại rồi thử lại.'];
  if (e.status === 409) return [`Bài vừa được người khác thay đổi trước bạn: ${e.message}`];
  if (e.status === 422) {
    const fields = fieldMessages(e.fields);
    return fields.length ? fields : [e.message];
  }
  return [e.message];
}
