// The body's toolbar: marks and block kinds, each button saying whether it is on
// (aria-pressed), and the photo placeholder. Buttons keep the editor's selection (they do not
// take focus on mouse down) and hand focus back to the text.
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';

export interface ToolbarProps {
  editor: Editor;
  onLink: () => void;
}

function toggleBlock(editor: Editor, type: 'heading' | 'quote'): void {
  if (editor.isActive(type)) editor.chain().focus().setParagraph().run();
  // Out of a list first: an item holds a paragraph only.
  else editor.chain().focus().clearNodes().setNode(type).run();
}

function insertFigure(editor: Editor): void {
  const before = new Set(editor.view.dom.querySelectorAll('.body-figure'));
  editor.chain().focus().insertContent({ type: 'figure' }).run();
  const added = [...editor.view.dom.querySelectorAll('.body-figure')].find((el) => !before.has(el));
  added?.querySelector('input')?.focus();
}

export function Toolbar({ editor, onLink }: ToolbarProps) {
  const on = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      heading: e.isActive('heading'),
      quote: e.isActive('quote'),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      editable: e.isEditable,
    }),
  });

  const button = (label: string, run: () => void, pressed?: boolean, keys?: string, hint?: string): ReactNode => (
    <button
      type="button"
      className="button editor-tool"
      aria-pressed={pressed}
      aria-keyshortcuts={keys}
      title={hint}
      disabled={!on.editable}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Định dạng nội dung">
      {button('Đậm', () => editor.chain().focus().toggleBold().run(), on.bold, 'Control+B', 'Đậm (Ctrl+B)')}
      {button('Nghiêng', () => editor.chain().focus().toggleItalic().run(), on.italic, 'Control+I', 'Nghiêng (Ctrl+I)')}
      {button('Liên kết', onLink, on.link, 'Control+K', 'Liên kết (Ctrl+K)')}
      {button('Tiêu đề phụ', () => toggleBlock(editor, 'heading'), on.heading)}
      {button('Trích dẫn', () => toggleBlock(editor, 'quote'), on.quote)}
      {button('Danh sách', () => editor.chain().focus().toggleBulletList().run(), on.bullets)}
      {button('Danh sách số', () => editor.chain().focus().toggleOrderedList().run(), on.numbers)}
      {button('Ảnh', () => insertFigure(editor), undefined, undefined, 'Chèn chỗ cho ảnh và chú thích')}
    </div>
  );
}
