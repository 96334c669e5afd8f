// Whether the signed-in person may change a piece's content: the "edit" row of the permission
// table in docs/newsroom.md, so the editor is read-only where a save would be refused. The
// server remains the judge (a refused save says why).
import type { Piece, Role, State, User } from '../api/types';

const EDITORS: Record<State, Role[]> = {
  draft: ['chief'],
  submitted: ['editor', 'secretary', 'chief'],
  edited: ['editor', 'secretary', 'chief'],
  approved: ['secretary', 'chief'],
  scheduled: ['chief'],
  published: ['chief'],
  taken_down: ['chief'],
};

// A draft is also its own author's to edit, whichever writing role they hold.
const OWN_DRAFT: Role[] = ['reporter', 'editor', 'secretary'];

export function mayEdit(piece: Pick<Piece, 'state' | 'created_by' | 'coauthors'>, user: User | null): boolean {
  if (!user) return false;
  if (user.roles.some((r) => EDITORS[piece.state].includes(r))) return true;
  const own = piece.created_by === user.id || piece.coauthors.includes(user.id);
  return piece.state === 'draft' && own && user.roles.some((r) => OWN_DRAFT.includes(r));
}
