// One comment in the moderation queue: who wrote it, where and when, its text (as text, never
// HTML), its flags and counts, and what may be done with it — approve, reject, spam, pin, edit
// in place, reply as the paper, ban its writer. The queue owns the list; this card only asks.
import { useId, useState } from 'react';
import { COMMENT_FLAG_LABELS, COMMENT_STATUS_LABELS } from '../api/labels';
import type { AdminComment, CommentAction } from '../api/types';
import { paths } from '../app/paths';
import { Link } from '../app/router';
import { formatAgo, formatVnDateTime } from '../ui/time';
import { CommentTextForm } from './CommentTextForm';

export interface CommentCardProps {
  comment: AdminComment;
  /** The paper's replies sent from this screen, shown under the comment. */
  replies: AdminComment[];
  selected: boolean;
  /** The comment j/k lands on: the one Tab reaches in the list. */
  current: boolean;
  busy: boolean;
  now: number;
  onSelect: (on: boolean) => void;
  onFocus: () => void;
  onAction: (action: CommentAction) => void;
  onEdit: (text: string) => Promise<void>;
  onReply: (text: string) => Promise<void>;
}

/** The element id of a comment's card, for moving focus to it. */
export const cardId = (id: number) => `binh-luan-${id}`;

export function CommentCard(props: CommentCardProps) {
  const { comment: c, replies, selected, current, busy, now } = props;
  const [open, setOpen] = useState<'edit' | 'reply' | null>(null);
  const headId = useId();
  const act = (action: CommentAction) => () => {
    if (!busy) props.onAction(action);
  };
  const ban = paths.commentBans + '?' + new URLSearchParams({ 'dia-chi': c.address, email: c.email }).toString();

  return (
    <article
      id={cardId(c.id)}
      className={['comment-card', selected ? 'comment-selected' : ''].filter(Boolean).join(' ')}
      tabIndex={current ? 0 : -1}
      aria-labelledby={headId}
      aria-busy={busy || undefined}
      onFocus={props.onFocus}
    >
      <div className="comment-head">
        <input
          type="checkbox"
          id={`${headId}-chon`}
          checked={selected}
          onChange={(e) => props.onSelect(e.target.checked)}
        />
        <label htmlFor={`${headId}-chon`} className="visually-hidden">
          Chọn bình luận của {c.name}
        </label>
        <h2 id={headId} className="comment-author">
          {c.name}
        </h2>
        <span className="state-tags">
          <span className={`state comment-status-${c.status}`}>{COMMENT_STATUS_LABELS[c.status]}</span>
          {c.flags.map((f) => (
            <span key={f} className="state comment-flag">
              {COMMENT_FLAG_LABELS[f]}
            </span>
          ))}
          {c.pinned && <span className="state">Đã ghim</span>}
          {c.edited && <span className="state">Đã sửa</span>}
          {c.newsroom && <span className="state">Tòa soạn</span>}
        </span>
      </div>
      <p className="comment-on">
        Bài: <Link href={paths.article(c.article.id)}>{c.article.title.trim() || `Bài số ${c.article.id}`}</Link>
      </p>
      <p className="comment-meta">
        <span>{c.email || 'không để lại email'}</span>
        <span>{c.address || 'không rõ địa chỉ'}</span>
        <time dateTime={c.created}>
          {formatAgo(c.created, now)} ({formatVnDateTime(c.created)})
        </time>
      </p>
      {open === 'edit' ? (
        <CommentTextForm
          label="Sửa nội dung"
          initial={c.content}
          submitLabel="Lưu"
          onCancel={() => setOpen(null)}
          onSubmit={(text) => props.onEdit(text).then(() => setOpen(null))}
        />
      ) : (
        <p className="comment-content">{c.content}</p>
      )}
      <p className="comment-counts">
        {c.reports} lượt báo vi phạm · {c.likes} lượt thích
      </p>
      <div className="button-row comment-actions">
        {c.status !== 'approved' && (
          <button type="button" className="button button-small button-primary" onClick={act('approve')}>
            Duyệt
          </button>
        )}
        {c.status !== 'rejected' && (
          <button type="button" className="button button-small" onClick={act('reject')}>
            Từ chối
          </button>
        )}
        {c.status !== 'spam' && (
          <button type="button" className="button button-small" onClick={act('spam')}>
            Spam
          </button>
        )}
        {c.status === 'approved' && (
          <button type="button" className="button button-small" onClick={act(c.pinned ? 'unpin' : 'pin')}>
            {c.pinned ? 'Bỏ ghim' : 'Ghim'}
          </button>
        )}
        <button type="button" className="button button-small" aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? null : 'edit')}>
          Sửa
        </button>
        <button type="button" className="button button-small" aria-expanded={open === 'reply'} onClick={() => setOpen(open === 'reply' ? null : 'reply')}>
          Trả lời
        </button>
        <Link className="button button-small" href={ban}>
          Chặn
        </Link>
      </div>
      {open === 'reply' && (
        <CommentTextForm
          label={`Trả lời ${c.name} (với tư cách Tòa soạn)`}
          initial=""
          submitLabel="Gửi trả lời"
          onCancel={() => setOpen(null)}
          onSubmit={(text) => props.onReply(text).then(() => setOpen(null))}
        />
      )}
      {replies.length > 0 && (
        <ul className="comment-replies" aria-label="Tòa soạn đã trả lời">
          {replies.map((r) => (
            <li key={r.id}>
              <span className="state">Tòa soạn</span> <span className="comment-content">{r.content}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
