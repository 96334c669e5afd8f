// The body: TipTap's contenteditable, its toolbar and the live counts under it. TipTap owns the
// editable DOM; React never renders its content, so an input method composing Vietnamese there
// is never interrupted. Changes are reported (onChange) and read from the editor when needed.
import type { Editor, JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { bodyCounts } from '../text/count';
import { cleanBlocks } from '../text/nfc';
import { bodyEditorOptions } from './body_options';
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

export function BodyEditor({ initial, editable, onChange, onReady, onRequestLink }: BodyEditorProps) {
  // The editor is made once; these refs let it call the newest handlers.
  const change = useRef(onChange);
  const link = useRef(onRequestLink);
  change.current = onChange;
  link.current = onRequestLink;

  const editor = useEditor(
    {
      ...bodyEditorOptions({ content: initial, editable, onRequestLink: () => link.current() }),
      onUpdate: () => change.current(),
    },
    [],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => onReady(editor), [editor, onReady]);

  return (
    <div className="body-editor">
      <Toolbar editor={editor} onLink={() => link.current()} />
      <EditorContent editor={editor} className="body-editor-frame" />
      <BodyCounts editor={editor} />
    </div>
  );
}
