// Why a piece came back to its author: the newest "return" in its history, shown while the
// piece is marked returned.
import { useEffect, useState } from 'react';
import type { Revision } from '../api/types';
import { vnDateTime } from '../text/vn_time';
import { listRevisions } from './api';
import { nameByUsername, usePeople } from '../ui/directory';

export function ReturnNote({ id, returned, revision }: { id: number; returned: boolean; revision: number }) {
  const [note, setNote] = useState<Revision | null>(null);
  const people = usePeople();
  useEffect(() => {
    if (!returned) {
      setNote(null);
      return;
    }
    let live = true;
    listRevisions(id)
      .then((r) => live && setNote(r.revisions.find((v) => v.action === 'return') ?? null))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [id, returned, revision]);
  if (!returned || !note) return null;
  return (
    <div className="banner-info return-note" role="note">
      <p>
        <strong>Bị trả lại:</strong> {note.note}
      </p>
      <p className="return-note-by">
        — {nameByUsername(people, note.username)}, {vnDateTime(note.at)}
      </p>
    </div>
  );
}
