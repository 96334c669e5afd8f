// Settings (/toa-soan/cai-dat), admins only: the editorial chain — whether a piece passes the
// secretary between the editor and the chief — and the words readers' comments may not hold.
import { useEffect, useState, type FormEvent } from 'react';
import { put, type ApiError } from '../api/client';
import type { Chain, Settings } from '../api/types';
import { hasRole } from '../session/session';
import { useUser } from '../session/useUser';
import { ErrorBanner } from '../ui/ErrorBanner';
import { asApiError } from '../ui/errors';
import { NotAllowed } from '../ui/NotAllowed';
import { useApi } from '../ui/useApi';
import { CommentWords } from './CommentWords';

const CHAINS: { value: Chain; label: string; hint: string }[] = [
  {
    value: 'full',
    label: 'Đầy đủ (biên tập → thư ký → tổng biên tập)',
    hint: 'Biên tập viên chuyển bài cho thư ký tòa soạn duyệt, rồi tổng biên tập xuất bản.',
  },
  {
    value: 'short',
    label: 'Rút gọn (bỏ qua thư ký)',
    hint: 'Bài biên tập viên chuyển tiếp sang thẳng tổng biên tập. Bài đang chờ thư ký vẫn được duyệt hoặc trả lại như cũ.',
  },
];

export default function SettingsPage() {
  const user = useUser();
  if (!hasRole(user, 'admin')) return <NotAllowed title="Cài đặt" who="Chỉ quản trị viên" />;
  return (
    <>
      <ChainSettings />
      <CommentWords />
    </>
  );
}

function ChainSettings() {
  const { data, error: loadError } = useApi<Settings>('/api/v1/admin/settings');
  const [chain, setChain] = useState<Chain | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (data) setChain(data.chain);
  }, [data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!chain || saving) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      const answer = await put<Settings>('/api/v1/admin/settings', { chain });
      setChain(answer.chain);
      setSaved(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <h1>Cài đặt</h1>
      <ErrorBanner error={loadError} />
      {!data && !loadError && (
        <p className="loading" role="status">
          Đang tải…
        </p>
      )}
      {chain && (
        <form className="form-narrow" onSubmit={save}>
          <fieldset className="choices">
            <legend>Quy trình duyệt bài</legend>
            {CHAINS.map((c) => (
              <div className="choice" key={c.value}>
                <input
                  type="radio"
                  id={`quy-trinh-${c.value}`}
                  name="chain"
                  value={c.value}
                  checked={chain === c.value}
                  aria-describedby={`quy-trinh-${c.value}-goi-y`}
                  onChange={() => {
                    setChain(c.value);
                    setSaved(false);
                  }}
                />
                <label htmlFor={`quy-trinh-${c.value}`}>{c.label}</label>
                <p className="field-hint" id={`quy-trinh-${c.value}-goi-y`}>
                  {c.hint}
                </p>
              </div>
            ))}
          </fieldset>
          <ErrorBanner error={error} />
          <div className="button-row">
            <button type="submit" className="button button-primary" aria-disabled={saving || undefined}>
              Lưu
            </button>
            <span className="form-status" role="status">
              {saved ? 'Đã lưu' : ''}
            </span>
          </div>
        </form>
      )}
    </>
  );
}
