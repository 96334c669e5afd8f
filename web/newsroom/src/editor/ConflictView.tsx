// Someone else saved the piece since my version started: who and when, what they changed
// against my starting point, and my version, side by side. Nothing is overwritten until the
// writer chooses; autosave waits meanwhile.
import type { Content } from '../api/types';
import { vnDateTime } from '../text/vn_time';
import { readContent } from './blocks';
import { Dialog } from '../ui/Dialog';
import { DiffView } from './DiffView';
import type { Conflict } from './save_queue';
import { diffContent } from './word_diff';

export interface ConflictViewProps {
  conflict: Conflict;
  mine: Content;
  theirName: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

export function ConflictView({ conflict, mine, theirName, onKeepMine, onTakeTheirs }: ConflictViewProps) {
  const theirs = readContent(conflict.current);
  const my = readContent(mine);
  // Without my starting point, each version is shown whole against nothing changed.
  const base = conflict.base ? readContent(conflict.base) : null;
  const theirChanges = diffContent(base ?? theirs, theirs);
  const myChanges = diffContent(base ?? my, my);
  return (
    <Dialog title="Có người khác vừa lưu bài này" className="editor-dialog-wide">
      <p>
        <strong>{theirName}</strong> đã lưu bài lúc {vnDateTime(conflict.current.updated)}, sau khi bạn bắt đầu sửa. Hãy
        chọn bản để giữ; bản còn lại không mất.
      </p>
      <div className="conflict-sides">
        <section className="conflict-side" aria-labelledby="conflict-theirs">
          <h3 id="conflict-theirs">Thay đổi của {theirName}</h3>
          <DiffView diff={theirChanges} all={!base} />
        </section>
        <section className="conflict-side" aria-labelledby="conflict-mine">
          <h3 id="conflict-mine">Bản của tôi</h3>
          <DiffView diff={myChanges} all={!base} />
        </section>
      </div>
      <div className="editor-dialog-buttons">
        <button type="button" className="button button-primary" onClick={onKeepMine}>
          Giữ bản của tôi
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          Dùng bản của họ
        </button>
      </div>
    </Dialog>
  );
}
