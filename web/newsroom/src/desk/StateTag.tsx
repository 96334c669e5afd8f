// A piece's state as a short tag: "Chờ biên tập", and "Bị trả lại" beside a returned draft.
import type { Summary } from '../api/types';

export function StateTag({ piece }: { piece: Pick<Summary, 'state' | 'state_label' | 'returned'> }) {
  return (
    <span className="state-tags">
      <span className={`state state-${piece.state}`}>{piece.state_label}</span>
      {piece.returned && <span className="state state-returned">Bị trả lại</span>}
    </span>
  );
}

/** A piece's title as lists show it; a draft may have none yet. */
export function titleOf(piece: { title: string }): string {
  return piece.title.trim() || '(Chưa có tiêu đề)';
}
