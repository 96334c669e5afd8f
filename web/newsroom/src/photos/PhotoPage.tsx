// One photo of the library: the photo, what is known of it (file, size, who uploaded it, when),
// its caption, credit and alt to edit — what a figure starts from when the photo is chosen;
// figures already placed keep their own — and "Dùng trong bài": the pieces whose body shows it.
import './photos.css';
import { useEffect, useState, type FormEvent } from 'react';
import { paths } from '../app/paths';
import { Link } from '../app/router';
import { STATE_LABELS } from '../api/labels';
import type { State } from '../api/types';
import { ErrorBanner, InfoBanner } from '../ui/ErrorBanner';
import { asApiError } from '../ui/errors';
import { Field } from '../ui/Field';
import { formatVnDateTime } from '../ui/time';
import { useApi } from '../ui/useApi';
import { useTitle } from '../ui/useTitle';
import type { ApiError } from '../api/client';
import { MEDIA_API, putPhoto, type Photo } from './api';
import { thumbnailUrl } from './figure_photo';

type Text = { caption: string; credit: string; alt: string };

export default function PhotoPage({ id }: { id: number }) {
  const { data, error, loading, reload } = useApi<Photo>(`${MEDIA_API}/${id}`);
  const [text, setText] = useState<Text | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useTitle(data ? `Ảnh: ${data.caption || data.filename}` : `Ảnh ${id}`);
  useEffect(() => {
    if (data && !text) setText({ caption: data.caption, credit: data.credit, alt: data.alt });
  }, [data]);

  if (error) return <ErrorBanner error={error} />;
  if (!data || !text) return <p role="status">{loading ? 'Đang tải…' : ''}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSaved(false);
    setSaveError(null);
    try {
      const answer = await putPhoto(id, text);
      setText({ caption: answer.caption, credit: answer.credit, alt: answer.alt });
      setSaved(true);
      reload();
    } catch (err) {
      setSaveError(asApiError(err));
    } finally {
      setSaving(false);
    }
  };
  const field = (key: keyof Text, label: string, hint?: string) => (
    <Field label={label} hint={hint} error={saveError?.fields[key]}>
      {(c) => (
        <input
          {...c}
          type="text"
          maxLength={key === 'credit' ? 200 : undefined}
          value={text[key]}
          onChange={(e) => {
            setSaved(false);
            setText({ ...text, [key]: e.target.value });
          }}
        />
      )}
    </Field>
  );
  const uses = data.uses ?? [];

  return (
    <section className="photo-detail">
      <p>
        <Link href={paths.photos}>← Thư viện ảnh</Link>
      </p>
      <h1>{data.caption || data.filename}</h1>
      <img className="photo-detail-image" src={thumbnailUrl(data)} alt={data.alt} width={480} height={Math.round((480 * data.height) / Math.max(data.width, 1))} />
      <dl className="photo-facts">
        <dt>Tệp</dt>
        <dd>{data.filename}</dd>
        <dt>Kích thước</dt>
        <dd>
          {data.width} × {data.height} px · {(data.bytes / 1_000_000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB
        </dd>
        <dt>Tải lên</dt>
        <dd>
          {formatVnDateTime(data.uploaded)}
          {data.uploaded_by ? ` · ${data.uploaded_by.name}` : ''}
        </dd>
      </dl>
      <form onSubmit={submit} noValidate>
        <ErrorBanner error={saveError} />
        {field('caption', 'Chú thích ảnh')}
        {field('credit', 'Tác giả ảnh / nguồn')}
        {field('alt', 'Mô tả ảnh', 'Cho người không nhìn thấy ảnh: ảnh cho thấy gì.')}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Đang lưu…' : 'Lưu'}
          </button>
        </div>
        {saved && <InfoBanner>Đã lưu. Ảnh chèn vào bài từ nay dùng những chữ này; các bài đã có ảnh giữ chữ của mình.</InfoBanner>}
      </form>
      <h2>Dùng trong bài</h2>
      {uses.length === 0 ? (
        <p>Chưa bài nào dùng ảnh này.</p>
      ) : (
        <ul className="photo-uses">
          {uses.map((u) => (
            <li key={u.id}>
              <Link href={paths.article(Number(u.id))}>{u.title.trim() || '(Chưa có tiêu đề)'}</Link>{' '}
              <span className={`state state-${u.state}`}>{STATE_LABELS[u.state as State] ?? u.state}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
