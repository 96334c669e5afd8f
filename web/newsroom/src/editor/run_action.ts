// Taking an action on a piece: everything typed is saved first (an action on a stale piece
// would approve what the approver never saw saved), then the action is sent. The outcome says
// what the page shows: the piece after it, or why not (sentences, the fields a 422 named, and
// the piece as it now stands after a 409).
import { ApiError, type FieldErrors } from '../api/client';
import type { ActionName } from '../api/types';
import { actionError } from './actions';
import { actOn, type PieceWithCounts } from './api';
import type { SaveQueue } from './save_queue';

export type ActionOutcome =
  | { ok: true; piece: PieceWithCounts }
  | { ok: false; errors: string[]; fields: FieldErrors; current: PieceWithCounts | null };

export async function runAction(
  queue: SaveQueue,
  id: number,
  action: ActionName,
  note?: string,
  at?: string,
): Promise<ActionOutcome> {
  try {
    await queue.flush();
    const piece = await actOn(id, action, note, at);
    queue.adopt(piece);
    return { ok: true, piece };
  } catch (e) {
    const api = e instanceof ApiError ? e : null;
    const current = api?.status === 409 && api.body.current && typeof api.body.current === 'object' ? (api.body.current as PieceWithCounts) : null;
    return { ok: false, errors: actionError(e), fields: api?.status === 422 ? api.fields : {}, current };
  }
}
