// The moderation queue's filters live in the address ("/toa-soan/binh-luan?trang-thai=flagged
// &bai=41"), so a filtered queue can be shared, reloaded and returned to with the back button.
// This converts between the address, the filters and the API's query.
import { query } from '../api/client';
import { COMMENT_FILTER_LABELS, COMMENT_FLAG_LABELS } from '../api/labels';
import type { AdminComment, CommentFlag, CommentStatusFilter } from '../api/types';
import { paths } from '../app/paths';
import type { QueueQuery } from './api';

export interface QueueFilters {
  /** Pending unless the address says otherwise: the queue is what waits. */
  status: CommentStatusFilter;
  /** A piece's id, or null for every piece. */
  article: number | null;
  flag: CommentFlag | '';
  page: number;
}

export const QUEUE_PER_PAGE = 50;

export const QUEUE_DEFAULTS: QueueFilters = { status: 'pending', article: null, flag: '', page: 1 };

const ID = /^[1-9][0-9]{0,9}$/;

/** Reads the filters from an address's query; anything unknown or malformed is dropped. */
export function parseQueueFilters(search: string): QueueFilters {
  const p = new URLSearchParams(search);
  const status = p.get('trang-thai') ?? '';
  const flag = p.get('co') ?? '';
  const article = p.get('bai') ?? '';
  const page = Number(p.get('page') ?? '1');
  return {
    status: status in COMMENT_FILTER_LABELS ? (status as CommentStatusFilter) : 'pending',
    article: ID.test(article) && Number(article) <= 2_000_000_000 ? Number(article) : null,
    flag: flag in COMMENT_FLAG_LABELS ? (flag as CommentFlag) : '',
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
  };
}

/** The queue's address for `f`, leaving out the defaults. */
export function queueHref(f: Partial<QueueFilters>): string {
  return (
    paths.comments +
    query({
      'trang-thai': f.status && f.status !== 'pending' ? f.status : undefined,
      bai: f.article ?? undefined,
      co: f.flag,
      page: f.page && f.page > 1 ? f.page : undefined,
    })
  );
}

export function queueQuery(f: QueueFilters, page = f.page): QueueQuery {
  return { status: f.status, article: f.article, flag: f.flag, page, per_page: QUEUE_PER_PAGE };
}

/** Whether a comment, as it is now, still belongs in the queue filtered by `f`: after an
 *  action one that no longer does leaves the list. */
export function belongsIn(c: Pick<AdminComment, 'status' | 'flags' | 'article'>, f: QueueFilters): boolean {
  if (f.article !== null && c.article.id !== f.article) return false;
  if (f.flag && !c.flags.includes(f.flag)) return false;
  if (f.status === 'flagged') return c.status === 'pending' && c.flags.length > 0;
  return c.status === f.status;
}
