// A reader's data (/toa-soan/binh-luan/ban-doc), for Vietnam's personal-data decree: every
// comment written with one email, to read, to hand over as a JSON file, or to erase — asked
// twice, and the answer says how many went.
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import { COMMENT_STATUS_LABELS } from '../api/labels';
import type { AdminComment } from '../api/types';
import { paths } from '../app/paths';
import { Link } from '../app/router';
import { useUser } from '../session/useUser';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Field } from '../ui/Field';
import { asApiError } from '../ui/errors';
import { NotAllowed } from '../ui/NotAllowed';
import { formatVnDateTime } from '../ui/time';
import { eraseReader, readerData } from './api';
import './comments.css';
import { mayModerate } from './may_moderate';

export default function ReaderPage() {
  const user = useUser();
  if (!mayModerate(user)) return <NotAllowed title="Dữ liệu bạn đọc" who="Kiểm duyệt viên, biên tập viên, thư ký và tổng biên tập" />;
  return <Reader />;
}

/** The comments in the server's answer, whether it is a list or an object holding one. */
function commentsOf(answer: unknown): AdminComment[] {
  if (Array.isArray(answer)) return answer as AdminComment[];
  const list = (answer as { comments?: unknown })?.comments;
  return Array.isArray(list) ? (list as AdminComment[]) : [];
}

/** Offers `data` as a file to save: what the reader is handed. */
function download(name: string, data: unknown) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function Reader() {
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<{ email: string; answer: unknown } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [said, setSaid] = useState('');

  const look = async (e: FormEvent) => {
    e.preventDefault();
    const wanted = email.trim();
    setFieldError(wanted.includes('@') ? null : 'Hãy nhập một email.');
    if (!wanted.includes('@')) return;
    setError(null);
    setSaid('');
    try {
      setFound({ email: wanted, answer: await readerData(wanted) });
    } catch (err) {
      setError(asApiError(err));
    }
  };

  const erase = async () => {
    if (!found) return;
    try {
      const { erased } = await eraseReader(found.email);
      setAsking(false);
      setSaid(`Đã xóa ${erased} bình luận của ${found.email}.`);
      setFound({ email: found.email, answer: { comments: [] } });
    } catch (err) {
      setAsking(false);
      setError(asApiError(err));
    }
  };

  const comments = found ? commentsOf(found.answer) : [];

  return (
    <>
      <div className="page-head">
        <h1>Dữ liệu bạn đọc</h1>
        <p className="page-links">
          <Link href={paths.comments}>Về hàng đợi bình luận</Link>
        </p>
      </div>
      <form className="form-narrow" role="search" aria-label="Tìm bình luận theo email" onSubmit={look} noValidate>
        <Field label="Email của bạn đọc" error={fieldError}>
          {(control) => <input {...control} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            Tìm
          </button>
        </div>
      </form>
      <ErrorBanner error={error} />
      <p className="comment-said" role="status" aria-live="polite">
        {said}
      </p>
      {found && (
        <section aria-labelledby="ban-doc-ket-qua">
          <h2 id="ban-doc-ket-qua">Bình luận của {found.email}</h2>
          <p className="list-count">{comments.length} bình luận.</p>
          {comments.length > 0 && (
            <>
              <div className="button-row">
                <button type="button" className="button" onClick={() => download(`binh-luan-${found.email}.json`, found.answer)}>
                  Tải về (JSON)
                </button>
                <button type="button" className="button button-danger" onClick={() => setAsking(true)}>
                  Xóa tất cả
                </button>
              </div>
              <ul className="reader-comments">
                {comments.map((c) => (
                  <li key={c.id}>
                    <p className="comment-meta">
                      <span>{c.article?.title || `Bài số ${c.article?.id ?? '?'}`}</span>
                      <span>{COMMENT_STATUS_LABELS[c.status] ?? c.status}</span>
                      <time dateTime={c.created}>{formatVnDateTime(c.created)}</time>
                    </p>
                    <p className="comment-content">{c.content}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {asking && found && (
        <Dialog title="Xóa bình luận của bạn đọc?" onClose={() => setAsking(false)}>
          <p>
            {comments.length} bình luận viết với email <strong>{found.email}</strong> sẽ bị xóa hẳn. Không thể hoàn tác.
          </p>
          <div className="button-row">
            <button type="button" className="button button-danger" onClick={() => void erase()}>
              Xóa
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              Hủy
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
