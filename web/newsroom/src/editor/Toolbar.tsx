// The body's toolbar: marks and block kinds, each button saying whether it is on
// (aria-pressed), the photo library and the photo upload. Buttons keep the editor's selection (they do not
// take focus on mouse down) and hand focus back to the text.
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';

export interface ToolbarProps {
  editor: Editor;
  onLink: () => void;
  /** Opens the photo picker (the library, or an upload). */
  onPhotos: () => void;
  /** Opens the file chooser for photos to upload at the cursor. */
  onUpload: () => void;
}

function toggleBlock(editor: Editor, type: 'heading' | 'quote'): void {
  if (editor.isActive(type)) editor.chain().focus().setParagraph().run();
  // Out of a list first: an item holds a paragraph only.
  else editor.chain().focus().clearNodes().setNode(type).run();
}

export function Toolbar({ editor, onLink, onPhotos, onUpload }: ToolbarProps) {
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
      {button('Ảnh', onPhotos, undefined, undefined, 'Chọn ảnh từ thư viện hoặc tải ảnh lên')}
      {button('Tải ảnh lên', onUpload, undefined, undefined, 'Tải một hay nhiều ảnh lên, chèn vào chỗ con trỏ')}
    </div>
  );
}
