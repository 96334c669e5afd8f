// Asks for a link's address (Ctrl+K or the "Liên kết" button), instead of window.prompt: it
// says what is wrong with an address the server would refuse, and can remove a link.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog';
import { allowedLink } from './link';

export interface LinkDialogProps {
  /** The address of the link under the cursor, or ''. */
  current: string;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
}

export function LinkDialog({ current, onApply, onRemove, onClose }: LinkDialogProps) {
  const [href, setHref] = useState(current);
  const [error, setError] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = href.trim();
    if (!allowedLink(value)) {
      setError('Địa chỉ phải bắt đầu bằng http://, https:// hoặc mailto: và không có khoảng trắng.');
      return;
    }
    onApply(value);
  };

  return (
    <Dialog title="Liên kết" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <label className="editor-field">
          <span>Địa chỉ liên kết</span>
          <input
            type="url"
            inputMode="url"
            value={href}
            placeholder="https://"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'link-error' : undefined}
            onChange={(e) => {
              setHref(e.currentTarget.value);
              setError('');
            }}
          />
        </label>
        {error && (
          <p id="link-error" className="editor-field-error" role="alert">
            {error}
          </p>
        )}
        <div className="editor-dialog-buttons">
          <button type="submit" className="button button-primary">
            Chèn liên kết
          </button>
          {current && (
            <button type="button" className="button" onClick={onRemove}>
              Bỏ liên kết
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Hủy
          </button>
        </div>
      </form>
    </Dialog>
  );
}
