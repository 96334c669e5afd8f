// What an action asks for before it is taken: a note (required for return and correct,
// offered for submit, pass and approve) or, to schedule, the time of publication in Vietnam
// time (one minute ahead by default). The action's own errors are shown here.
import { useState, type FormEvent } from 'react';
import { ACTION_LABELS } from '../api/labels';
import type { ActionName } from '../api/types';
import { fromVnInput, nextMinuteInput } from '../text/vn_time';
import { NOTE_REQUIRED } from './actions';
import { Dialog } from './Dialog';

export interface ActionDialogProps {
  action: ActionName;
  busy: boolean;
  errors: string[];
  onConfirm: (note: string, at: string | undefined) => void;
  onClose: () => void;
}

export function ActionDialog({ action, busy, errors, onConfirm, onClose }: ActionDialogProps) {
  const [note, setNote] = useState('');
  const [at, setAt] = useState(() => nextMinuteInput(new Date()));
  const [missing, setMissing] = useState('');
  const required = NOTE_REQUIRED.has(action);
  const schedule = action === 'schedule';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (required && !note.trim()) {
      setMissing('Cần ghi chú cho thao tác này.');
      return;
    }
    const when = schedule ? fromVnInput(at) : undefined;
    if (schedule && !when) {
      setMissing('Cần chọn thời gian xuất bản.');
      return;
    }
    onConfirm(note.trim(), when ?? undefined);
  };

  const problems = missing ? [missing, ...errors] : errors;
  return (
    <Dialog title={ACTION_LABELS[action]} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {schedule ? (
          <label className="editor-field">
            <span>Thời gian xuất bản (giờ Việt Nam)</span>
            <input type="datetime-local" value={at} required onChange={(e) => setAt(e.currentTarget.value)} />
          </label>
        ) : (
          <label className="editor-field">
            <span>Ghi chú{required ? '' : ' (không bắt buộc)'}</span>
            <textarea
              rows={4}
              value={note}
              required={required}
              aria-required={required}
              lang="vi"
              onChange={(e) => {
                setNote(e.currentTarget.value);
                setMissing('');
              }}
            />
          </label>
        )}
        {problems.length > 0 && (
          <div className="banner-error" role="alert">
            {problems.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </div>
        )}
        <div className="editor-dialog-buttons">
          <button type="submit" className="button button-primary" disabled={busy}>
            Xác nhận
          </button>
          <button type="button" className="button" onClick={onClose}>
            Hủy
          </button>
        </div>
      </form>
    </Dialog>
  );
}
