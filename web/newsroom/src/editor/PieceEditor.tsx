// One piece open for writing: its fields, body, save status, actions, banners and dialogs.
// EditorPage loads the piece and decides what to do with a copy kept in the browser; this
// component holds the save queue for as long as the piece is open (across the new piece's
// change of address) and reads the content from the inputs and the editor when it is needed.
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { FieldErrors } from '../api/client';
import { ACTION_LABELS } from '../api/labels';
import type { ActionName, Content } from '../api/types';
import { mayModerate } from '../comments/may_moderate';
import { useSession, whenSignedIn } from '../session/session';
import { asksFirst } from './actions';
import { ActionBar } from './ActionBar';
import { ActionDialog } from './ActionDialog';
import { createPiece, savePiece, type PieceWithCounts } from './api';
import { readContent, type BodyBlock } from './blocks';
import { BodyEditor } from './BodyEditor';
import { CommentsSwitch } from './CommentsSwitch';
import { ConflictView } from './ConflictView';
import { blocksToDoc, docToBlocks } from './convert';
import { nameById, useCategories, usePeople } from '../ui/directory';
import { fieldMessages } from './field_labels';
import { applyLink, currentLink, removeLink } from './link_commands';
import { LinkDialog } from './LinkDialog';
import { pieceKey, storageCopies, type OnOpen } from './local_copy';
import { mayEdit } from './may_edit';
import { parseByline, PieceFields, type FieldValues } from './PieceFields';
import { PresenceLine } from './Presence';
import { ReturnNote } from './ReturnNote';
import { runAction } from './run_action';
import { SaveQueue } from './save_queue';
import { SaveStatusLine } from './SaveStatusLine';
import { useQueueEvents } from './use_queue_events';

export interface PieceEditorProps {
  /** The piece as loaded; null for a new one. */
  piece: PieceWithCounts | null;
  /** What the editor opens with: the server's content, or a copy put back. */
  initial: Content & { blocks: BodyBlock[] };
  /** What was found in the browser on opening. */
  opening: OnOpen;
  /** For a conflict found on opening: the content my copy started from, when known. */
  conflictBase: Content | null;
  /** The server created the new piece. */
  onCreated: (piece: PieceWithCounts) => void;
}

const copies = storageCopies();

const fieldsOf = (c: Content): FieldValues => ({
  title: c.title,
  lead: c.lead,
  byline: c.authors.join(', '),
  category: c.category,
  published: c.published,
});

export function PieceEditor({ piece: loaded, initial, opening, conflictBase, onCreated }: PieceEditorProps) {
  const { user } = useSession();
  const people = usePeople();
  const categories = useCategories();
  const [piece, setPiece] = useState<PieceWithCounts | null>(loaded);
  const editorRef = useRef<Editor | null>(null);

  // The fields as typed; title, lead and byline live in uncontrolled inputs (PieceFields).
  const text = useRef({ title: initial.title, lead: initial.lead, byline: initial.authors.join(', ') });
  const [category, setCategory] = useState(initial.category);
  const [published, setPublished] = useState<string | null>(initial.published);
  const chosen = useRef({ category, published });
  chosen.current = { category, published };
  const [fieldsKey, setFieldsKey] = useState(0);
  const [fieldsInitial, setFieldsInitial] = useState<FieldValues>(() => fieldsOf(initial));

  const read = useCallback(
    (): Content => ({
      title: text.current.title,
      lead: text.current.lead,
      blocks: editorRef.current ? docToBlocks(editorRef.current.getJSON()) : initial.blocks,
      authors: parseByline(text.current.byline),
      category: chosen.current.category,
      published: chosen.current.published,
    }),
    [initial.blocks],
  );

  const created = useRef(onCreated);
  created.current = onCreated;
  const [queue] = useState(
    () =>
      new SaveQueue(
        {
          read: () => read(),
          create: createPiece,
          update: savePiece,
          copies,
          whenSignedIn,
          isOnline: () => navigator.onLine !== false,
          onCreated: (p) => {
            setPiece(p);
            created.current(p);
          },
          onSaved: (p) => setPiece(p),
        },
        { id: loaded?.id ?? null, revision: loaded?.revision ?? null, content: loaded ? readContent(loaded) : null },
      ),
  );
  const saving = useSyncExternalStore(queue.subscribe, queue.getState, queue.getState);

  const [notice, setNotice] = useState<string | null>(null);
  const [alert, setAlert] = useState<string[]>([]);
  const [actionErrors, setActionErrors] = useState<FieldErrors>({});
  const [dialog, setDialog] = useState<ActionName | null>(null);
  const [dialogErrors, setDialogErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [linkOpen, setLinkOpen] = useState<{ href: string } | null>(null);

  const editable = piece ? mayEdit(piece, user) : true;

  useQueueEvents(queue);

  // What was found in the browser on opening, acted on once.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    if (opening.kind === 'drop') copies.remove(pieceKey(loaded?.id ?? null));
    if (opening.kind === 'restore') {
      setNotice('Đã khôi phục bản chưa lưu trên máy này');
      queue.changed();
      queue.saveNow();
    }
    if (opening.kind === 'conflict' && loaded)
      queue.openConflict({ current: loaded, base: conflictBase, baseRevision: opening.copy.base });
  }, [opening, loaded, conflictBase, queue]);

  // --- content replaced as a whole (their version taken) ---
  const replaceContent = (c: Content) => {
    const blocks = readContent(c).blocks;
    text.current = { title: c.title, lead: c.lead, byline: c.authors.join(', ') };
    setCategory(c.category);
    setPublished(c.published);
    setFieldsInitial(fieldsOf(c));
    setFieldsKey((k) => k + 1);
    editorRef.current?.commands.setContent(blocksToDoc(blocks), { emitUpdate: false });
  };

  // --- links ---
  const openLink = useCallback(() => {
    const e = editorRef.current;
    if (e?.isEditable) setLinkOpen({ href: currentLink(e) });
  }, []);
  const closeLink = () => {
    setLinkOpen(null);
    editorRef.current?.commands.focus();
  };
  const withEditor = (f: (e: Editor) => void) => () => {
    setLinkOpen(null);
    if (editorRef.current) f(editorRef.current);
  };

  // --- actions ---
  const act = async (action: ActionName, note?: string, at?: string): Promise<string[] | null> => {
    if (!piece) return null;
    setBusy(true);
    const outcome = await runAction(queue, piece.id, action, note, at);
    setBusy(false);
    if (outcome.ok) {
      setPiece(outcome.piece);
      setActionErrors({});
      setNotice(`Đã thực hiện: ${ACTION_LABELS[action]}`);
      return null;
    }
    setActionErrors(outcome.fields);
    // The piece moved on under us: show where it stands now (its content stays as typed).
    const now = outcome.current;
    if (now) setPiece((p) => (p ? { ...p, state: now.state, state_label: now.state_label, actions: now.actions, returned: now.returned } : p));
    return outcome.errors;
  };

  const onAction = (action: ActionName) => {
    setAlert([]);
    if (asksFirst(action)) {
      setDialogErrors([]);
      setDialog(action);
      return;
    }
    void act(action).then((errors) => setAlert(errors ?? []));
  };

  const confirmDialog = (note: string, at: string | undefined) => {
    if (!dialog) return;
    void act(dialog, note || undefined, at).then((errors) => {
      if (errors) setDialogErrors(errors);
      else setDialog(null);
    });
  };

  // --- conflict ---
  const conflict = saving.conflict;
  const keepMine = () => queue.keepMine();
  const takeTheirs = () => {
    if (!conflict) return;
    queue.takeTheirs();
    replaceContent(conflict.current);
    setPiece(conflict.current);
    setNotice('Đã dùng bản của họ. Bản của bạn vẫn được giữ trên máy này (trong bộ nhớ của trình duyệt).');
  };

  const onReady = useCallback((e: Editor) => {
    editorRef.current = e;
  }, []);
  const initialDoc = useMemo(() => blocksToDoc(initial.blocks), [initial.blocks]);
  const saveErrors = saving.status.kind === 'error' ? saving.status.fields : {};
  const fieldErrors = { ...saveErrors, ...actionErrors };
  const errorLines = fieldMessages(saveErrors);

  return (
    <div className="piece-editor">
      <header className="piece-head">
        <h1>{piece ? 'Sửa bài' : 'Bài mới'}</h1>
        <p className="piece-state">
          Trạng thái: <strong>{piece ? piece.state_label : 'Nháp (chưa lưu)'}</strong>
          {piece?.returned && <span className="piece-returned"> · bị trả lại</span>}
        </p>
        {piece && <PresenceLine id={piece.id} me={user?.id ?? null} />}
        {piece && mayModerate(user) && <CommentsSwitch id={piece.id} closed={!!piece.comments_closed} />}
      </header>

      {notice && (
        <div className="banner-info" role="status">
          {notice}
        </div>
      )}
      {piece && <ReturnNote id={piece.id} returned={piece.returned} revision={piece.revision} />}
      {piece && !editable && (
        <div className="banner-info">Bài đang ở trạng thái {piece.state_label}: bạn chỉ xem, không sửa được nội dung.</div>
      )}
      {alert.length > 0 && (
        <div className="banner-error" role="alert">
          {alert.map((a) => (
            <p key={a}>{a}</p>
          ))}
        </div>
      )}
      {errorLines.length > 0 && (
        <div className="banner-error">
          {errorLines.map((a) => (
            <p key={a}>{a}</p>
          ))}
        </div>
      )}

      <PieceFields
        key={fieldsKey}
        initial={fieldsInitial}
        category={category}
        published={published}
        categories={categories}
        readOnly={!editable}
        errors={fieldErrors}
        onText={(patch) => {
          text.current = { ...text.current, ...patch };
          queue.changed();
        }}
        onCategory={(name) => {
          setCategory(name);
          chosen.current = { ...chosen.current, category: name };
          queue.changed();
        }}
        onPublished={(iso) => {
          setPublished(iso);
          chosen.current = { ...chosen.current, published: iso };
          queue.changed();
        }}
      />

      <BodyEditor initial={initialDoc} editable={editable} onChange={() => queue.changed()} onReady={onReady} onRequestLink={openLink} />

      <SaveStatusLine status={saving.status} />

      <ActionBar id={saving.id} actions={piece?.actions ?? []} busy={busy} onAction={onAction} />

      {conflict && (
        <ConflictView
          conflict={conflict}
          mine={read()}
          theirName={nameById(people, conflict.current.updated_by)}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      )}
      {linkOpen && (
        <LinkDialog
          current={linkOpen.href}
          onApply={(href) => withEditor((e) => applyLink(e, href))()}
          onRemove={withEditor(removeLink)}
          onClose={closeLink}
        />
      )}
      {dialog && (
        <ActionDialog
          action={dialog}
          busy={busy}
          errors={dialogErrors}
          onConfirm={confirmDialog}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
