// The piece's actions (one button for each the server says the signed-in person may take now,
// labelled as everywhere in the app) and its links: history and preview.
import { ACTION_LABELS } from '../api/labels';
import type { ActionName } from '../api/types';
import { Link } from '../app/router';

export interface ActionBarProps {
  id: number | null;
  actions: ActionName[];
  busy: boolean;
  onAction: (a: ActionName) => void;
}

const DANGER: ReadonlySet<ActionName> = new Set(['return', 'take_down']);
const PRIMARY: ReadonlySet<ActionName> = new Set(['submit', 'pass', 'approve', 'publish']);

export function ActionBar({ id, actions, busy, onAction }: ActionBarProps) {
  return (
    <div className="piece-actions">
      {actions.length > 0 && (
        <div className="piece-action-buttons" role="group" aria-label="Thao tác">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={DANGER.has(a) ? 'button button-danger' : PRIMARY.has(a) ? 'button button-primary' : 'button'}
              disabled={busy}
              onClick={() => onAction(a)}
            >
              {ACTION_LABELS[a]}
            </button>
          ))}
        </div>
      )}
      {id !== null && (
        <nav className="piece-links" aria-label="Bài này">
          <Link href={`/toa-soan/bai/${id}/lich-su`}>Lịch sử</Link>
          <a href={`/toa-soan/xem-truoc/${id}`} target="_blank" rel="noopener">
            Xem trước
          </a>
        </nav>
      )}
    </div>
  );
}
