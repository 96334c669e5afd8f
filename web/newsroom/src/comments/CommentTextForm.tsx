// A comment's text typed by the newsroom: an edit of a reader's words, or the paper's reply.
// Checked as the server checks it (comment_text.ts) before anything is sent; the server's own
// refusal, if any, shows under the field.
import { useState, type FormEvent } from 'react';
import { Field } from '../ui/Field';
import { asApiError, errorMessage } from '../ui/errors';
import { COMMENT_MAX, commentLength, commentTextProblem } from './comment_text';

export interface CommentTextFormProps {
  label: string;
  initial: string;
  submitLabel: string;
  /** Sends the text; a rejection's message is shown under the field. */
  onSubmit: (text: string) => Promise<void>;
  onCancel: () => void;
}

export function CommentTextForm({ label, initial, submitLabel, onSubmit, onCancel }: CommentTextFormProps) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problem = commentTextProblem(text);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await onSubmit(text);
    } catch (err) {
      const api = asApiError(err);
      setError(api.fields.content ?? errorMessage(api));
      setBusy(false);
    }
  };

  return (
    <form className="comment-form" onSubmit={submit}>
      <Field label={label} error={error} hint={`${commentLength(text)}/${COMMENT_MAX} ký tự, ít nhất 5.`}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={text}
            ref={(el) => {
              // Focus once, when the form opens, so typing starts where the eye is.
              if (el && !el.dataset.focused) {
                el.dataset.focused = '1';
                el.focus();
              }
            }}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') onCancel();
            }}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" aria-disabled={busy || undefined}>
          {submitLabel}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}
