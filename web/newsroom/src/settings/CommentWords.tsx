// The disallowed words in readers' comments (setting `comment_words`): one word or phrase a
// line. The server matches them after folding (marks dropped, đ as d), so "tuc tiu" catches
// "tục tĩu"; a comment holding one waits for moderation, flagged. Saved as the chain is.
import { useEffect, useState, type FormEvent } from 'react';
import { put, type ApiError } from '../api/client';
import type { Settings } from '../api/types';
import { countChars } from '../text/count';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Field } from '../ui/Field';
import { asApiError } from '../ui/errors';
import { useApi } from '../ui/useApi';

export const WORDS_MAX = 1000;
export const WORD_MAX_CHARS = 100;

/** The list a textarea holds: a line each, trimmed, blanks and repeats dropped. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const w = line.normalize('NFC').trim();
    if (w && !out.includes(w)) out.push(w);
  }
  return out;
}

export function CommentWords() {
  const { data, error: loadError } = useApi<Settings>('/api/v1/admin/settings');
  const [text, setText] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (data) setText((data.comment_words ?? []).join('\n'));
  }, [data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (text === null || saving) return;
    const words = wordsOf(text);
    const long = words.find((w) => countChars(w) > WORD_MAX_CHARS);
    const found = long
      ? `"${long.slice(0, 30)}…" dài quá ${WORD_MAX_CHARS} ký tự.`
      : words.length > WORDS_MAX
        ? `Tối đa ${WORDS_MAX} từ (đang có ${words.length}).`
        : null;
    setProblem(found);
    setSaved(false);
    setError(null);
    if (found) return;
    setSaving(true);
    try {
      const answer = await put<Settings>('/api/v1/admin/settings', { comment_words: words });
      setText((answer.comment_words ?? words).join('\n'));
      setSaved(true);
    } catch (err) {
      const api = asApiError(err);
      setError(api);
      if (api.fields.comment_words) setProblem(api.fields.comment_words);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="tu-cam">
      <h2 id="tu-cam">Từ cấm trong bình luận</h2>
      <ErrorBanner error={loadError} />
      {text !== null && (
        <form className="form-narrow" onSubmit={save}>
          <Field
            label="Từ hoặc cụm từ cấm"
            error={problem}
            hint="Mỗi dòng một từ hoặc cụm từ. Không phân biệt dấu: “tuc tiu” bắt cả “tục tĩu”. Bình luận có từ cấm được giữ lại chờ duyệt."
          >
            {(control) => (
              <textarea
                {...control}
                rows={8}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setSaved(false);
                }}
              />
            )}
          </Field>
          <ErrorBanner error={error} />
          <div className="button-row">
            <button type="submit" className="button button-primary" aria-disabled={saving || undefined}>
              Lưu từ cấm
            </button>
            <span className="form-status" role="status">
              {saved ? 'Đã lưu' : ''}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}
