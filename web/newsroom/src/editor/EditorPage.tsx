// The editor of one piece (/toa-soan/bai/{id}) or of a new one (/toa-soan/bai/moi, id null).
// Loaded only when a piece is opened (its own chunk, with TipTap).
//
// Opening a piece: GET the piece, then look for a copy this browser kept (local_copy.ts): one
// the server already has is removed; one typed on the server's revision is put back and saved;
// one typed on an older revision opens the conflict view, with the revision it was typed on
// fetched to show what changed. A new piece picks up a copy of a new piece left unsent.
// When the new piece is created the address becomes /toa-soan/bai/{id} and the same editor
// stays open: nothing reloads.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { Content } from '../api/types';
import { navigate } from '../app/router';
import { useSession } from '../session/session';
import { loadPiece, loadRevision, type PieceWithCounts } from './api';
import { isEmptyContent, readContent, type BodyBlock } from './blocks';
import { settled } from './in_flight';
import { decideOnOpen, pieceKey, storageCopies, type OnOpen } from './local_copy';
import { PieceEditor } from './PieceEditor';
import './editor.css';

interface Opened {
  piece: PieceWithCounts | null;
  initial: Content & { blocks: BodyBlock[] };
  opening: OnOpen;
  conflictBase: Content | null;
}

const copies = storageCopies();

async function open(id: number | null, byline: string): Promise<Opened> {
  if (id === null) {
    const copy = copies.read(pieceKey(null));
    if (copy && !isEmptyContent(copy.content))
      return { piece: null, initial: readContent(copy.content), opening: { kind: 'restore', copy }, conflictBase: null };
    return {
      piece: null,
      initial: { title: '', lead: '', blocks: [], authors: byline ? [byline] : [], category: '', published: null },
      opening: { kind: 'none' },
      conflictBase: null,
    };
  }
  // A save of this piece from an editor just closed lands first.
  await settled(id);
  const piece = await loadPiece(id);
  const server = readContent(piece);
  const opening = decideOnOpen(copies.read(pieceKey(id)), { revision: piece.revision, content: server });
  if (opening.kind === 'restore') return { piece, initial: readContent(opening.copy.content), opening, conflictBase: null };
  if (opening.kind === 'conflict') {
    let base: Content | null = null;
    if (opening.copy.base !== null)
      base = await loadRevision(id, opening.copy.base).then(
        (r) => readContent(r.content),
        () => null,
      );
    // The editor shows my version; the conflict view shows theirs beside it.
    return { piece, initial: readContent(opening.copy.content), opening, conflictBase: base };
  }
  return { piece, initial: server, opening, conflictBase: null };
}

function PieceLoader({ id, onCreated }: { id: number | null; onCreated: (p: PieceWithCounts) => void }) {
  const { user } = useSession();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    open(id, user?.display_name ?? '').then(
      (o) => live && setOpened(o),
      (e) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404) setError('Không tìm thấy bài này, hoặc bạn không được xem bài này.');
        else if (e instanceof ApiError && e.offline) setError('Không tải được bài: mất kết nối tới máy chủ.');
        else setError(`Không tải được bài: ${(e as Error).message}`);
      },
    );
    return () => {
      live = false;
    };
    // The piece is opened once, with the id it was opened with; a created piece's new id is
    // the same piece (EditorPage keeps this component for it).
  }, [attempt]);

  if (error)
    return (
      <div className="piece-editor">
        <div className="banner-error" role="alert">
          {error}
        </div>
        <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
          Thử lại
        </button>
      </div>
    );
  if (!opened)
    return (
      <p className="piece-loading" role="status">
        Đang tải bài…
      </p>
    );
  return <PieceEditor {...opened} onCreated={onCreated} />;
}

export default function EditorPage({ id }: { id: number | null }) {
  // The piece this page created, under the key it was opened with: its new address keeps the
  // editor (and everything typed) as it is.
  const created = useRef<{ id: number; key: string } | null>(null);
  const key = created.current && created.current.id === id ? created.current.key : String(id);
  return (
    <PieceLoader
      key={key}
      id={id}
      onCreated={(p) => {
        created.current = { id: p.id, key };
        navigate(`/toa-soan/bai/${p.id}`, true);
      }}
    />
  );
}
