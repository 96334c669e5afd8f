// The editor's calls to the admin API (docs/api.md, "Articles"): a piece, its saves, actions,
// revisions and presence; the lists the form picks from are in ui/directory.ts. Content is
// cleaned as the server stores it (NFC, controls out) here, on its way out, and nowhere earlier.
import { get, post, put } from '../api/client';
import type { ActionName, Content, Diff, Piece, Presence, Revision } from '../api/types';
import { nfcContent } from '../text/nfc';

const ADMIN = '/api/v1/admin';

/** A piece with the body's counts, which the server adds beside its fields. */
export type PieceWithCounts = Piece & { counts?: { words: number; chars: number } };


// Only the content fields: the server refuses any field it does not know.
function body(c: Content): Content {
  const n = nfcContent(c);
  return { title: n.title, lead: n.lead, blocks: n.blocks, authors: n.authors, category: n.category, published: n.published };
}

export const loadPiece = (id: number) => get<PieceWithCounts>(`${ADMIN}/articles/${id}`);

export const createPiece = (c: Content) => post<PieceWithCounts>(`${ADMIN}/articles`, body(c));

export const savePiece = (id: number, c: Content, revision: number, autosave: boolean) =>
  put<{ revision: Revision; article: PieceWithCounts }>(`${ADMIN}/articles/${id}`, {
    ...body(c),
    revision,
    ...(autosave ? { autosave: true } : {}),
  });

export const actOn = (id: number, action: ActionName, note?: string, at?: string) =>
  post<PieceWithCounts>(`${ADMIN}/articles/${id}/actions`, {
    action,
    ...(note ? { note: note.normalize('NFC') } : {}),
    ...(at ? { at } : {}),
  });

export const listRevisions = (id: number) => get<{ revisions: Revision[] }>(`${ADMIN}/articles/${id}/revisions`);

export const loadRevision = (id: number, rev: number) =>
  get<Revision & { content: Content }>(`${ADMIN}/articles/${id}/revisions/${rev}`);

export const revisionDiff = (id: number, a: number, b: number) =>
  get<Diff>(`${ADMIN}/articles/${id}/revisions/${a}/diff/${b}`);

export const restoreRevision = (id: number, rev: number, newest: number) =>
  post<unknown>(`${ADMIN}/articles/${id}/revisions/${rev}/restore`, { revision: newest });

export const heartbeat = (id: number) => post<unknown>(`${ADMIN}/articles/${id}/presence`);

export const presentOn = (id: number) => get<Presence>(`${ADMIN}/articles/${id}/presence`);
