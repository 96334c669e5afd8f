// A piece's revisions (/toa-soan/bai/{id}/lich-su), newest first: when, who, what kind, the
// state it left the piece in and its note; the word difference between any two (the server's,
// GET …/revisions/{a}/diff/{b}); and restoring one, which makes it the newest revision.
import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api/client';
import { STATE_LABELS } from '../api/labels';
import type { Diff, Revision } from '../api/types';
import { Link, navigate } from '../app/router';
import { vnDateTime } from '../text/vn_time';
import { listRevisions, restoreRevision, revisionDiff } from './api';
import { DiffView } from './DiffView';
import { nameByUsername, usePeople } from '../ui/directory';
import { revisionKind } from './revision_labels';
import './editor.css';

export default function HistoryPage({ id }: { id: number }) {
  const people = usePeople();
  const ids = useId();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    listRevisions(id).then(
      (r) => {
        if (!live) return;
        setRevisions(r.revisions);
        const newest = r.revisions[0];
        setTo(newest?.id ?? null);
        setFrom((r.revisions[1] ?? newest)?.id ?? null);
      },
      (e) => live && setLoadError(e instanceof ApiError && e.status === 404 ? 'Không tìm thấy bài này.' : `Không tải được lịch sử: ${(e as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, [id, reload]);

  useEffect(() => {
    if (from === null || to === null) return;
    let live = true;
    setDiff(null);
    setDiffError(null);
    revisionDiff(id, from, to).then(
      (d) => live && setDiff(d),
      (e) => live && setDiffError(`Không tải được so sánh: ${(e as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, [id, from, to]);

  const restore = async (rev: number) => {
    if (!revisions?.length) return;
    setRestoring(true);
    setRestoreError(null);
    try {
      await restoreRevision(id, rev, revisions[0].id);
      navigate(`/toa-soan/bai/${id}`);
    } catch (e) {
      setRestoreError(
        e instanceof ApiError && e.status === 409
          ? 'Bài vừa được lưu sau khi trang này mở, nên chưa khôi phục. Hãy tải lại lịch sử rồi chọn lại.'
          : `Không khôi phục được: ${(e as Error).message}`,
      );
    } finally {
      setRestoring(false);
    }
  };

  const option = (r: Revision) => `#${r.id} · ${vnDateTime(r.at)} · ${nameByUsername(people, r.username)} · ${revisionKind(r)}`;

  return (
    <div className="history">
      <h1>Lịch sử bài</h1>
      <p>
        <Link href={`/toa-soan/bai/${id}`}>Về bài viết</Link>
      </p>
      {loadError && (
        <div className="banner-error" role="alert">
          {loadError}
        </div>
      )}
      {!revisions && !loadError && <p role="status">Đang tải lịch sử…</p>}
      {restoreError && (
        <div className="banner-error" role="alert">
          <p>{restoreError}</p>
          <button type="button" className="button" onClick={() => setReload((n) => n + 1)}>
            Tải lại
          </button>
        </div>
      )}
      {revisions && (
        <>
          <table className="history-table">
            <caption className="visually-hidden">Các phiên bản, mới nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Phiên bản</th>
                <th scope="col">Thời gian</th>
                <th scope="col">Người thực hiện</th>
                <th scope="col">Loại</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Ghi chú</th>
                <th scope="col">
                  <span className="visually-hidden">Khôi phục</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r, i) => (
                <tr key={r.id}>
                  <td>#{r.id}</td>
                  <td>{vnDateTime(r.at)}</td>
                  <td>{nameByUsername(people, r.username)}</td>
                  <td>{revisionKind(r)}</td>
                  <td>{STATE_LABELS[r.state] ?? r.state}</td>
                  <td>{r.note}</td>
                  <td>
                    {i > 0 && (
                      <button type="button" className="button" disabled={restoring} onClick={() => void restore(r.id)}>
                        Khôi phục bản này
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>So sánh hai bản</h2>
          <div className="history-pick">
            <label className="editor-field" htmlFor={`${ids}-from`}>
              <span>Từ bản</span>
              <select id={`${ids}-from`} value={from ?? ''} onChange={(e) => setFrom(Number(e.currentTarget.value))}>
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {option(r)}
                  </option>
                ))}
              </select>
            </label>
            <label className="editor-field" htmlFor={`${ids}-to`}>
              <span>Đến bản</span>
              <select id={`${ids}-to`} value={to ?? ''} onChange={(e) => setTo(Number(e.currentTarget.value))}>
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {option(r)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {diffError && (
            <div className="banner-error" role="alert">
              {diffError}
            </div>
          )}
          {!diff && !diffError && <p role="status">Đang so sánh…</p>}
          {diff && <DiffView diff={diff} />}
        </>
      )}
    </div>
  );
}
