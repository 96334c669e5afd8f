// The moderation queue's filters: status, flag, and the piece the queue is narrowed to (from a
// link: "?bai=41", shown by its title, with a way to clear it). Each choice goes to the address
// as a new history entry, back to page 1; the queue follows the address.
import { COMMENT_FILTER_LABELS, COMMENT_FLAG_LABELS } from '../api/labels';
import type { CommentFlag, CommentStatusFilter } from '../api/types';
import { navigate } from '../app/router';
import { Field } from '../ui/Field';
import { queueHref, type QueueFilters } from './queue_filters';

const STATUSES = Object.entries(COMMENT_FILTER_LABELS) as [CommentStatusFilter, string][];
const FLAGS = Object.entries(COMMENT_FLAG_LABELS) as [CommentFlag, string][];

export function QueueFilterForm({ filters, articleTitle }: { filters: QueueFilters; articleTitle: string | null }) {
  const go = (change: Partial<QueueFilters>) => navigate(queueHref({ ...filters, ...change, page: 1 }));
  return (
    <form className="filters" role="search" aria-label="Lọc bình luận" onSubmit={(e) => e.preventDefault()}>
      <Field label="Trạng thái">
        {(control) => (
          <select {...control} value={filters.status} onChange={(e) => go({ status: e.target.value as CommentStatusFilter })}>
            {STATUSES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Cờ">
        {(control) => (
          <select {...control} value={filters.flag} onChange={(e) => go({ flag: e.target.value as CommentFlag | '' })}>
            <option value="">Mọi bình luận</option>
            {FLAGS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {filters.article !== null && (
        <div className="filters-actions filters-article">
          <p>
            Bài: <strong>{articleTitle || `Bài số ${filters.article}`}</strong>
          </p>
          <button type="button" className="button" onClick={() => go({ article: null })}>
            Bỏ lọc theo bài
          </button>
        </div>
      )}
    </form>
  );
}
