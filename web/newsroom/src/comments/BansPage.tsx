// Bans (/toa-soan/binh-luan/chan): the addresses and emails that may not comment now, a form to
// add one (opened from a comment's "Chặn", it arrives filled with that comment's email or
// address) and a way to lift one, asked twice.
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import { BAN_KIND_LABELS } from '../api/labels';
import type { BanKind, CommentBan } from '../api/types';
import { paths } from '../app/paths';
import { Link, useQuery } from '../app/router';
import { useUser } from '../session/useUser';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Field } from '../ui/Field';
import { asApiError, errorMessage } from '../ui/errors';
import { NotAllowed } from '../ui/NotAllowed';
import { formatVnDateTime } from '../ui/time';
import { useApi } from '../ui/useApi';
import { addBan, liftBan } from './api';
import './comments.css';
import { mayModerate } from './may_moderate';

export default function BansPage() {
  const user = useUser();
  if (!mayModerate(user)) return <NotAllowed title="Chặn bình luận" who="Kiểm duyệt viên, biên tập viên, thư ký và tổng biên tập" />;
  return <Bans />;
}

const DEFAULT_DAYS = 30;

function Bans() {
  const { data, error: loadError, reload } = useApi<{ bans: CommentBan[] }>('/api/v1/admin/comment-bans');
  const [said, setSaid] = useState('');
  const [lifting, setLifting] = useState<CommentBan | null>(null);
  const [liftError, setLiftError] = useState<ApiError | null>(null);

  const lift = async () => {
    if (!lifting) return;
    try {
      await liftBan(lifting.id);
      setSaid(`Đã gỡ chặn ${lifting.value}.`);
      setLifting(null);
      reload();
    } catch (e) {
      setLiftError(asApiError(e));
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>Chặn bình luận</h1>
        <p className="page-links">
          <Link href={paths.comments}>Về hàng đợi bình luận</Link>
        </p>
      </div>
      <p className="comment-said" role="status" aria-live="polite">
        {said}
      </p>
      <BanForm
        onAdded={(b) => {
          setSaid(`Đã chặn ${b.value}.`);
          reload();
        }}
      />
      <h2>Đang chặn</h2>
      <ErrorBanner error={loadError} />
      {data && data.bans.length === 0 && <p className="empty">Không chặn ai.</p>}
      {data && data.bans.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>Các lệnh chặn còn hiệu lực</caption>
            <thead>
              <tr>
                <th scope="col">Loại</th>
                <th scope="col">Giá trị</th>
                <th scope="col">Đến</th>
                <th scope="col">Lý do</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.bans.map((b) => (
                <tr key={b.id}>
                  <td>{BAN_KIND_LABELS[b.kind]}</td>
                  <td className="address">{b.value}</td>
                  <td>
                    <time dateTime={b.until}>{formatVnDateTime(b.until)}</time>
                  </td>
                  <td>{b.reason}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => {
                        setLiftError(null);
                        setLifting(b);
                      }}
                    >
                      Gỡ chặn <span className="visually-hidden">{b.value}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {lifting && (
        <Dialog title="Gỡ chặn?" onClose={() => setLifting(null)}>
          <p>
            {BAN_KIND_LABELS[lifting.kind]} <strong>{lifting.value}</strong> sẽ lại được gửi bình luận.
          </p>
          <ErrorBanner error={liftError} />
          <div className="button-row">
            <button type="button" className="button button-danger" onClick={() => void lift()}>
              Gỡ chặn
            </button>
            <button type="button" className="button" onClick={() => setLifting(null)}>
              Hủy
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

function BanForm({ onAdded }: { onAdded: (b: CommentBan) => void }) {
  const q = useQuery();
  const fromEmail = q.get('email') ?? '';
  const fromAddress = q.get('dia-chi') ?? '';
  const [kind, setKind] = useState<BanKind>(fromEmail ? 'email' : 'address');
  const [value, setValue] = useState(fromEmail || fromAddress);
  const [days, setDays] = useState(String(DEFAULT_DAYS));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A comment's "Chặn" opened this screen: fill the form with what it offered.
  useEffect(() => {
    if (!fromEmail && !fromAddress) return;
    setKind(fromEmail ? 'email' : 'address');
    setValue(fromEmail || fromAddress);
  }, [fromEmail, fromAddress]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const n = Number(days);
    const found: Record<string, string> = {};
    if (!value.trim()) found.value = kind === 'email' ? 'Hãy nhập email.' : 'Hãy nhập địa chỉ IP.';
    if (!Number.isInteger(n) || n < 1 || n > 3650) found.days = 'Số ngày từ 1 đến 3650.';
    if (!reason.trim()) found.reason = 'Hãy ghi lý do chặn.';
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const ban = await addBan({ kind, value, days: n, reason });
      setValue('');
      setReason('');
      setDays(String(DEFAULT_DAYS));
      onAdded(ban);
    } catch (err) {
      const api = asApiError(err);
      setErrors(api.fields);
      setError(errorMessage(api));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-narrow panel" onSubmit={submit} noValidate aria-labelledby="chan-moi">
      <h2 id="chan-moi">Chặn mới</h2>
      <fieldset className="choices choices-inline">
        <legend>Chặn theo</legend>
        {(Object.keys(BAN_KIND_LABELS) as BanKind[]).map((k) => (
          <div className="choice" key={k}>
            <input
              type="radio"
              id={`chan-${k}`}
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                // From a comment: the other of its two values.
                const other = k === 'email' ? fromEmail : fromAddress;
                if (other) setValue(other);
              }}
            />
            <label htmlFor={`chan-${k}`}>{BAN_KIND_LABELS[k]}</label>
          </div>
        ))}
      </fieldset>
      <Field label={kind === 'email' ? 'Email cần chặn' : 'Địa chỉ IP cần chặn'} error={errors.value}>
        {(control) => <input {...control} value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <Field label="Số ngày" error={errors.days}>
        {(control) => (
          <input {...control} type="number" min={1} max={3650} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
        )}
      </Field>
      <Field label="Lý do" error={errors.reason} hint="Bạn đọc bị chặn sẽ thấy lý do này.">
        {(control) => <textarea {...control} rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <ErrorBanner error={error} />
      <div className="button-row">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          Chặn
        </button>
      </div>
    </form>
  );
}
