// The moderators' calls to the admin API (docs/api.md, "Comments and moderation"): the queue,
// one comment's actions, bulk actions, bans, a piece's comments switch, a reader's data. The
// queue's live stream is in use_queue_stream.ts; the disallowed words go with the settings.
// Text is put in NFC here, on its way out, as the server counts it.
import { del, get, post, put, query } from '../api/client';
import type {
  AdminComment,
  BanKind,
  BulkCommentAction,
  CommentAction,
  CommentBan,
  CommentFlag,
  CommentPage,
  CommentStatusFilter,
} from '../api/types';

const ADMIN = '/api/v1/admin';

export const STREAM_PATH = `${ADMIN}/comments/stream`;

export interface QueueQuery {
  status: CommentStatusFilter;
  article?: number | null;
  flag?: CommentFlag | '';
  email?: string;
  page: number;
  per_page: number;
}

/** GET /api/v1/admin/comments for `q`. */
export function queueApiPath(q: QueueQuery): string {
  return (
    `${ADMIN}/comments` +
    query({ status: q.status, article: q.article, flag: q.flag, email: q.email, page: q.page, per_page: q.per_page })
  );
}

export const listComments = (q: QueueQuery, signal?: AbortSignal) => get<CommentPage>(queueApiPath(q), { signal });

export const actOnComment = (id: number, action: CommentAction) =>
  post<AdminComment>(`${ADMIN}/comments/${id}/actions`, { action });

export const editComment = (id: number, content: string) =>
  post<AdminComment>(`${ADMIN}/comments/${id}/actions`, { action: 'edit', content: content.normalize('NFC').trim() });

/** The newspaper's answer under the comment's thread; resolves with the reply. */
export const replyToComment = (id: number, content: string) =>
  post<AdminComment>(`${ADMIN}/comments/${id}/actions`, { action: 'reply', content: content.normalize('NFC').trim() });

export const actOnComments = (ids: number[], action: BulkCommentAction) =>
  post<{ done: number }>(`${ADMIN}/comments/actions`, { ids, action });

export const listBans = () => get<{ bans: CommentBan[] }>(`${ADMIN}/comment-bans`);

export const addBan = (ban: { kind: BanKind; value: string; days: number; reason: string }) =>
  post<CommentBan>(`${ADMIN}/comment-bans`, {
    kind: ban.kind,
    value: ban.value.trim(),
    days: ban.days,
    reason: ban.reason.normalize('NFC').trim(),
  });

export const liftBan = (id: number) => del<void>(`${ADMIN}/comment-bans/${id}`);

export const setCommentsClosed = (articleId: number, closed: boolean) =>
  put<{ closed: boolean }>(`${ADMIN}/articles/${articleId}/comments`, { closed });

/** Every comment written with `email`, as the server hands them over. */
export const readerData = (email: string) => get<unknown>(`${ADMIN}/readers${query({ email: email.trim() })}`);

export const eraseReader = (email: string) => del<{ erased: number }>(`${ADMIN}/readers${query({ email: email.trim() })}`);
