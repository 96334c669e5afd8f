// The body: TipTap's contenteditable, its toolbar, the photo uploads and picker, and the live
// counts under it. TipTap owns the
// editable DOM; React never renders its content, so an input method composing Vietnamese there
// is never interrupted. Changes are reported (onChange) and read from the editor when needed.
import type { Editor, JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Photo } from '../photos/api';
import { PHOTO_ACCEPT, PhotoPicker } from '../photos/PhotoPicker';
import { UploadList } from '../photos/UploadList';
import { figureSlot, setFigurePhoto, usePhotoUploads, type PhotoTarget } from '../photos/use_photo_uploads';
import { figureFromPhoto } from '../photos/figure_photo';
import { bodyCounts } from '../text/count';
import { cleanBlocks } from '../text/nfc';
import { bodyEditorOptions, isPhotoFile } from './body_options';
import { docToBlocks } from './convert';
import { Toolbar } from './Toolbar';

export interface BodyEditorProps {
  initial: JSONContent;
  editable: boolean;
  onChange: () => void;
  onReady: (editor: Editor) => void;
  onRequestLink: () => void;
}

// Counting a long body on every keystroke would cost typing latency: at most this often.
const COUNT_DELAY = 250;

function BodyCounts({ editor }: { editor: Editor }) {
  const count = () => bodyCounts(cleanBlocks(docToBlocks(editor.getJSON())));
  const [counts, setCounts] = useState(count);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        setCounts(count());
      }, COUNT_DELAY);
    };
    // Every change of the document, typed or not (their version put in after a conflict).
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => transaction.docChanged && update();
    editor.on('transaction', onTransaction);
    setCounts(count());
    return () => {
      editor.off('transaction', onTransaction);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return (
    <p className="body-counts" id="body-counts">
      {counts.words} từ · {counts.chars} ký tự
    </p>
  );
}

// The picker open: for a new place at the cursor, or for the figure at `pos`.
type Picking = { figure: false } | { figure: true; pos: number };

export function BodyEditor({ initial, editable, onChange, onReady, onRequestLink }: BodyEditorProps) {
  // The editor is made once; these refs let it call the newest handlers.
  const change = useRef(onChange);
  const link = useRef(onRequestLink);
  change.current = onChange;
  link.current = onRequestLink;
  const [picking, setPicking] = useState<Picking | null>(null);
  const drop = useRef<(files: File[], pos: number) => void>(() => {});

  const editor = useEditor(
    {
      ...bodyEditorOptions({
        content: initial,
        editable,
        onRequestLink: () => link.current(),
        onPickPhoto: (pos) => setPicking({ figure: true, pos }),
        onDropPhotos: (files, pos) => drop.current(files, pos),
      }),
      onUpdate: () => change.current(),
    },
    [],
  );
  const uploads = usePhotoUploads(editor);
  const fileInput = useRef<HTMLInputElement>(null);
  const atCursor = (): PhotoTarget => ({ pos: editor.state.selection.from, intoFigure: false });
  drop.current = (files, pos) => uploads.upload(files, { pos, intoFigure: false });

  const choose = (photo: Photo) => {
    const p = picking;
    setPicking(null);
    if (p?.figure && setFigurePhoto(editor, p.pos, photo)) return;
    const at = figureSlot(editor, editor.state.selection.from);
    editor.view.dispatch(editor.state.tr.insert(at, editor.schema.nodes.figure.create(figureFromPhoto(photo))));
  };
  const uploadPicked = (files: File[]) => {
    const p = picking;
    setPicking(null);
    uploads.upload(files, p?.figure ? { pos: p.pos, intoFigure: true } : atCursor());
  };

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => onReady(editor), [editor, onReady]);

  // Files dropped beside the text (on the toolbar, the upload lines) go to the cursor, rather than
  // the browser opening the photo in place of the editor.
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const onDragOver = (e: DragEvent) => {
    if (hasFiles(e) && editor.isEditable) e.preventDefault();
  };
  const onDrop = (e: DragEvent) => {
    if (e.defaultPrevented || !hasFiles(e) || !editor.isEditable) return;
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])].filter(isPhotoFile);
    if (files.length) uploads.upload(files, atCursor());
  };

  return (
    <div className="body-editor" onDragOver={onDragOver} onDrop={onDrop}>
      <Toolbar
        editor={editor}
        onLink={() => link.current()}
        onPhotos={() => setPicking({ figure: false })}
        onUpload={() => fileInput.current?.click()}
      />
      <input
        ref={fileInput}
        type="file"
        accept={PHOTO_ACCEPT}
        multiple
        hidden
        aria-label="Tệp ảnh để tải lên"
        data-photo-upload
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length) uploads.upload(files, atCursor());
        }}
      />
      <UploadList lines={uploads.lines} onRetry={uploads.retry} onClear={uploads.clearFinished} />
      <EditorContent editor={editor} className="body-editor-frame" />
      {picking && (
        <PhotoPicker multiple={!picking.figure} onUpload={uploadPicked} onChoose={choose} onClose={() => setPicking(null)} />
      )}
      <BodyCounts editor={editor} />
    </div>
  );
}
