// What an action asks for before it is taken: a note (required for return and correct,
// offered for submit, pass and approve) or, to schedule, the time of publication in Vietnam
// time (one minute ahead by default). The action's own errors are shown here.
import { useId, useState, type FormEvent } from 'react';
import { ACTION_LABELS } from '../api/labels';
import type { ActionName } from '../api/types';
import { fromVnInput, aMinuteAheadInput } from '../text/vn_time';
import { NOTE_REQUIRED } from './actions';
import { Dialog } from '../ui/Dialog';

export interface ActionDialogProps {
  action: ActionName;
  busy: boolean;
  errors: string[];
  onConfirm: (note: string, at: string | undefined) => void;
  onClose: () => void;
}

export function ActionDialog({ action, busy, errors, onConfirm, onClose }: ActionDialogProps) {
  const id = useId();
  const [note, setNote] = useState('');
  const [at, setAt] = useState(() => aMinuteAheadInput(new Date()));
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
          <div className="editor-field">
            <label htmlFor={`${id}-at`}>Xuất bản lúc</label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              step={1}
              value={at}
              required
              aria-describedby={`${id}-at-hint`}
              onChange={(e) => setAt(e.currentTarget.value)}
            />
            <span id={`${id}-at-hint`} className="editor-field-hint">
              Giờ Việt Nam
            </span>
          </div>
        ) : (
          <div className="editor-field">
            <label htmlFor={`${id}-note`}>Ghi chú</label>
            <textarea
              id={`${id}-note`}
              rows={4}
              value={note}
              required={required}
              aria-required={required}
              aria-describedby={`${id}-note-hint`}
              lang="vi"
              onChange={(e) => {
                setNote(e.currentTarget.value);
                setMissing('');
              }}
            />
            <span id={`${id}-note-hint`} className="editor-field-hint">
              {required ? 'Bắt buộc' : 'Không bắt buộc'}
              {action === 'correct' ? ': bạn đọc sẽ thấy ghi chú đính chính' : action === 'return' ? ': tác giả sẽ đọc ghi chú này' : ''}
            </span>
          </div>
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
