// The moderation queue (/toa-soan/binh-luan): readers' comments newest first, filtered by the
// address (queue_filters.ts), 50 a page. Each action changes the list where it stands — a
// comment that no longer matches leaves it — and a polite live region says what was done.
//
// The queue refreshes itself when the server says something arrived (use_queue_stream.ts).
// On page 1 with nothing ticked the page is simply fetched again, the focused comment and the
// ticks staying on the same comments. Anywhere else the list does not move under the
// moderator: "N bình luận mới" says what came, and they choose when to see it.
import { useCallback, useEffect, useRef, useState } from 'react';
import './comments.css';
import { COMMENT_DONE_LABELS } from '../api/labels';
import type { AdminComment, BulkCommentAction, CommentAction, CommentPage } from '../api/types';
import type { ApiError } from '../api/client';
import { paths } from '../app/paths';
import { Link, navigate, useQuery } from '../app/router';
import { useUser } from '../session/useUser';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { asApiError } from '../ui/errors';
import { NotAllowed } from '../ui/NotAllowed';
import { Pagination, pageCountOf } from '../ui/Pagination';
import { actOnComment, actOnComments, editComment, listComments, replyToComment } from './api';
import { CommentCard, cardId } from './CommentCard';
import { mayModerate } from './may_moderate';
import { belongsIn, parseQueueFilters, queueHref, queueQuery, QUEUE_PER_PAGE, type QueueFilters } from './queue_filters';
import { QueueFilterForm } from './QueueFilterForm';
import { useQueueKeys, type QueueKey } from './use_queue_keys';
import { useQueueStream } from './use_queue_stream';

/** How long the queue waits after an event before asking: a burst of comments is one request. */
export const REFRESH_DEBOUNCE_MS = 300;

const SINGLE_DONE: Record<CommentAction, string> = {
  approve: 'Đã duyệt',
  reject: 'Đã từ chối',
  spam: 'Đã đánh dấu spam',
  pin: 'Đã ghim',
  unpin: 'Đã bỏ ghim',
};

const AFTER_BULK: Record<BulkCommentAction, AdminComment['status']> = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'spam',
};

export default function ModerationPage() {
  const user = useUser();
  if (!mayModerate(user)) return <NotAllowed title="Bình luận" who="Kiểm duyệt viên, biên tập viên, thư ký và tổng biên tập" />;
  return <Queue />;
}

const newestId = (list: AdminComment[]) => list.reduce((m, c) => Math.max(m, c.id), 0);

function Queue() {
  const search = useQuery().toString();
  const filters = parseQueueFilters(search);
  const filterKey = queueHref(filters);
  const current = useRef<QueueFilters>(filters);
  current.current = filters;

  const [page, setPage] = useState<CommentPage | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [said, setSaid] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [focused, setFocused] = useState<number | null>(null);
  const focusedRef = useRef(focused);
  focusedRef.current = focused;
  const [busy, setBusy] = useState<Set<number>>(new Set());
  const [replies, setReplies] = useState<Record<number, AdminComment[]>>({});
  const [waiting, setWaiting] = useState<{ count: number; page: CommentPage | null } | null>(null);
  const [help, setHelp] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const list = useRef<HTMLOListElement>(null);
  // The newest comment this queue has seen: anything newer is "new".
  const newest = useRef(0);
  // A comment to move the keyboard focus to once the list has changed under it.
  const refocus = useRef<number | null>(null);
  const state = useRef({ page, selected });
  state.current = { page, selected };

  // A new filter or page: a new list, nothing ticked.
  useEffect(() => {
    const controller = new AbortController();
    setLoadError(null);
    setSelected(new Set());
    setWaiting(null);
    listComments(queueQuery(filters), controller.signal).then(
      (answer) => {
        setPage(answer);
        setNow(Date.now());
        if (filters.page === 1) newest.current = newestId(answer.comments);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setLoadError(asApiError(e));
      },
    );
    // Off page 1, what counts as new is measured against the queue's first comment.
    if (filters.page > 1)
      listComments({ ...queueQuery(filters, 1), per_page: 1 }, controller.signal).then(
        (first) => (newest.current = newestId(first.comments)),
        () => undefined,
      );
    return () => controller.abort();
  }, [filterKey]);

  // Something arrived: fetch again, and show it only where it cannot move the list underfoot.
  const refresh = useCallback(async () => {
    const f = current.current;
    const quiet = f.page === 1 && state.current.selected.size === 0;
    try {
      const answer = await listComments(queueQuery(f, 1));
      if (queueHref(current.current) !== queueHref(f)) return;
      if (quiet) {
        setPage(answer);
        setNow(Date.now());
        newest.current = Math.max(newest.current, newestId(answer.comments));
        setWaiting(null);
        return;
      }
      const count = answer.comments.filter((c) => c.id > newest.current).length;
      setWaiting(count > 0 ? { count, page: f.page === 1 ? answer : null } : null);
    } catch {
      // The next event or poll asks again; the list shown stays as it is.
    }
  }, []);

  const timer = useRef<number | null>(null);
  useQueueStream(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void refresh();
    }, REFRESH_DEBOUNCE_MS);
  });
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);

  const showWaiting = () => {
    if (!waiting) return;
    if (waiting.page) {
      const shown = waiting.page;
      setPage(shown);
      setNow(Date.now());
      newest.current = Math.max(newest.current, newestId(shown.comments));
      setSelected((s) => new Set(shown.comments.filter((c) => s.has(c.id)).map((c) => c.id)));
      setWaiting(null);
    } else navigate(queueHref({ ...filters, page: 1 }));
  };

  // Keep the focus and the ticks on comments still shown.
  const comments = page?.comments ?? [];
  useEffect(() => {
    const ids = new Set(comments.map((c) => c.id));
    setSelected((s) => ([...s].every((id) => ids.has(id)) ? s : new Set([...s].filter((id) => ids.has(id)))));
    if (focused !== null && !ids.has(focused)) setFocused(null);
    if (refocus.current !== null) {
      document.getElementById(cardId(refocus.current))?.focus();
      refocus.current = null;
    }
  }, [page]);

  /** Applies the server's answer to the list: updated in place, or gone if it no longer fits. */
  const applied = (changed: AdminComment[]) => {
    const byId = new Map(changed.map((c) => [c.id, c]));
    const leaving = new Set(changed.filter((c) => !belongsIn(c, current.current)).map((c) => c.id));
    // The focus goes on to the next comment that stays, as in a mail client.
    const shown = state.current.page?.comments ?? [];
    const f = focusedRef.current;
    if (f !== null && leaving.has(f)) {
      const at = shown.findIndex((c) => c.id === f);
      const next =
        shown.slice(at + 1).find((c) => !leaving.has(c.id)) ??
        shown.slice(0, Math.max(0, at)).reverse().find((c) => !leaving.has(c.id));
      const hadFocus = !!list.current?.contains(document.activeElement) || document.activeElement === document.body;
      setFocused(next?.id ?? null);
      if (next && hadFocus) refocus.current = next.id;
    }
    setPage((p) => {
      if (!p) return p;
      const gone = p.comments.filter((c) => leaving.has(c.id)).length;
      const kept = p.comments.filter((c) => !leaving.has(c.id)).map((c) => byId.get(c.id) ?? c);
      return { comments: kept, total: Math.max(0, p.total - gone) };
    });
    if (leaving.size > 0) setSelected((s) => new Set([...s].filter((id) => !leaving.has(id))));
  };

  const withBusy = async (ids: number[], work: () => Promise<void>) => {
    setBusy((b) => new Set([...b, ...ids]));
    setActionError(null);
    try {
      await work();
    } catch (e) {
      setActionError(asApiError(e));
      setSaid('');
    } finally {
      setBusy((b) => new Set([...b].filter((id) => !ids.includes(id))));
    }
  };

  const actOne = (c: AdminComment, action: CommentAction) =>
    withBusy([c.id], async () => {
      const after = await actOnComment(c.id, action);
      applied([after]);
      setSaid(`${SINGLE_DONE[action]} bình luận của ${c.name}.`);
    });

  const actMany = (ids: number[], action: BulkCommentAction) =>
    withBusy(ids, async () => {
      const { done } = await actOnComments(ids, action);
      const changed = comments.filter((c) => ids.includes(c.id)).map((c) => ({ ...c, status: AFTER_BULK[action] }));
      applied(changed);
      setSelected(new Set());
      setSaid(`${COMMENT_DONE_LABELS[action]} ${done} bình luận.`);
    });

  const edit = (c: AdminComment) => async (text: string) => {
    const after = await editComment(c.id, text);
    applied([after]);
    setSaid(`Đã sửa bình luận của ${c.name}.`);
  };

  const reply = (c: AdminComment) => async (text: string) => {
    const answer = await replyToComment(c.id, text);
    setReplies((r) => ({ ...r, [c.id]: [...(r[c.id] ?? []), answer] }));
    setSaid(`Đã trả lời ${c.name}.`);
  };

  const move = (step: number) => {
    if (comments.length === 0) return;
    const at = comments.findIndex((c) => c.id === focused);
    const next = at < 0 ? (step > 0 ? 0 : comments.length - 1) : Math.min(comments.length - 1, Math.max(0, at + step));
    const id = comments[next].id;
    setFocused(id);
    document.getElementById(cardId(id))?.focus();
  };

  useQueueKeys(list, (k: QueueKey) => {
    if (k === 'help') return setHelp(true);
    if (k === 'next') return move(1);
    if (k === 'previous') return move(-1);
    const c = comments.find((x) => x.id === focused);
    if (k === 'toggle') {
      if (c) toggle(c.id, !selected.has(c.id));
      return;
    }
    const action = k === 'approve' ? 'approve' : 'reject';
    if (selected.size > 0) void actMany([...selected], action);
    else if (c && !busy.has(c.id) && c.status !== AFTER_BULK[action]) void actOne(c, action);
  });

  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  const allTicked = comments.length > 0 && comments.every((c) => selected.has(c.id));
  const articleTitle = filters.article !== null ? (comments.find((c) => c.article.id === filters.article)?.article.title ?? null) : null;
  const ticked = [...selected];

  return (
    <>
      <div className="page-head">
        <h1>Bình luận</h1>
        <p className="page-links">
          <Link href={paths.commentBans}>Danh sách chặn</Link> · <Link href={paths.commentReader}>Dữ liệu bạn đọc</Link>
        </p>
      </div>
      <QueueFilterForm filters={filters} articleTitle={articleTitle} />
      <p className="shortcut-hint" id="phim-tat">
        Phím tắt: <kbd>j</kbd>/<kbd>k</kbd> hoặc <kbd>↓</kbd>/<kbd>↑</kbd> chuyển bình luận · <kbd>a</kbd> duyệt ·{' '}
        <kbd>r</kbd> từ chối · <kbd>x</kbd> chọn · <kbd>?</kbd> xem phím tắt
      </p>
      <ErrorBanner error={loadError} />
      <ErrorBanner error={actionError} />
      <p className="comment-said" role="status" aria-live="polite">
        {said}
      </p>
      {waiting && (
        <p className="banner banner-info comment-waiting">
          {waiting.count} bình luận mới.{' '}
          <button type="button" className="button button-small" onClick={showWaiting}>
            Xem bình luận mới
          </button>
        </p>
      )}
      {!page && !loadError && (
        <p className="loading" role="status">
          Đang tải…
        </p>
      )}
      {page && (
        <>
          <p className="list-count">{`${page.total} bình luận.`}</p>
          {comments.length > 0 && (
            <div className="bulk-bar" role="group" aria-label="Làm với các bình luận đã chọn">
              <input
                type="checkbox"
                id="chon-tat-ca"
                checked={allTicked}
                onChange={(e) => setSelected(e.target.checked ? new Set(comments.map((c) => c.id)) : new Set())}
              />
              <label htmlFor="chon-tat-ca">Chọn tất cả bình luận đang hiện</label>
              <span className="bulk-count">{ticked.length > 0 ? `Đã chọn ${ticked.length}` : ''}</span>
              {ticked.length > 0 &&
                (['approve', 'reject', 'spam'] as BulkCommentAction[]).map((a) => (
                  <button key={a} type="button" className="button button-small" onClick={() => void actMany(ticked, a)}>
                    {a === 'approve' ? 'Duyệt' : a === 'reject' ? 'Từ chối' : 'Spam'} đã chọn
                  </button>
                ))}
            </div>
          )}
          {comments.length === 0 ? (
            <p className="empty">Không có bình luận nào ở đây.</p>
          ) : (
            <ol className="comment-list" ref={list} aria-describedby="phim-tat" aria-label="Bình luận">
              {comments.map((c, i) => (
                <li key={c.id}>
                  <CommentCard
                    comment={c}
                    replies={replies[c.id] ?? []}
                    selected={selected.has(c.id)}
                    current={focused === null ? i === 0 : focused === c.id}
                    busy={busy.has(c.id)}
                    now={now}
                    onSelect={(on) => toggle(c.id, on)}
                    onFocus={() => setFocused(c.id)}
                    onAction={(a) => void actOne(c, a)}
                    onEdit={edit(c)}
                    onReply={reply(c)}
                  />
                </li>
              ))}
            </ol>
          )}
          <Pagination
            page={filters.page}
            pageCount={pageCountOf(page.total, QUEUE_PER_PAGE)}
            hrefFor={(n) => queueHref({ ...filters, page: n })}
          />
        </>
      )}
      {help && (
        <Dialog title="Phím tắt" onClose={() => setHelp(false)}>
          <dl className="shortcut-list">
            <dt>j hoặc ↓</dt>
            <dd>Bình luận sau</dd>
            <dt>k hoặc ↑</dt>
            <dd>Bình luận trước</dd>
            <dt>a</dt>
            <dd>Duyệt bình luận đang chọn (hoặc các bình luận đã đánh dấu)</dd>
            <dt>r</dt>
            <dd>Từ chối bình luận đang chọn (hoặc các bình luận đã đánh dấu)</dd>
            <dt>x</dt>
            <dd>Đánh dấu hoặc bỏ đánh dấu bình luận đang chọn</dd>
            <dt>?</dt>
            <dd>Xem danh sách này</dd>
          </dl>
          <p className="field-hint">Phím tắt không có tác dụng khi đang gõ trong ô nhập.</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => setHelp(false)}>
              Đóng
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
