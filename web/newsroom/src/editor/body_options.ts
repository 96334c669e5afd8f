// The body editor's TipTap options, one place for the page and the tests, so a test pastes
// through exactly what a writer pastes through.
import type { EditorOptions, JSONContent } from '@tiptap/core';
import { cleanPastedHTML } from './paste';
import { bodyExtensions } from './schema';

export interface BodyOptions {
  content: JSONContent;
  editable?: boolean;
  onRequestLink?: () => void;
  onPickPhoto?: (pos: number) => void;
  /** Photo files dropped on the body, with the position they were dropped at. */
  onDropPhotos?: (files: File[], pos: number) => void;
}

// What a drop may carry for the photo upload; the server says what it makes of each.
export const isPhotoFile = (f: File) => /^image\//.test(f.type) || /\.(jpe?g|png|webp|heic|heif)$/i.test(f.name);

export function bodyEditorOptions(o: BodyOptions): Partial<EditorOptions> {
  return {
    content: o.content,
    editable: o.editable ?? true,
    extensions: bodyExtensions({ interactive: true, onRequestLink: o.onRequestLink, onPickPhoto: o.onPickPhoto }),
    // The page runs under style-src 'self': TipTap's injected <style> would be refused;
    // editor.css carries what it needs.
    injectCSS: false,
    editorProps: {
      transformPastedHTML: (html) => cleanPastedHTML(html),
      // Files dropped become uploads; a drag of text or of a figure inside the body is left to
      // ProseMirror.
      handleDrop: (view, event, _slice, moved) => {
        const files = [...(event.dataTransfer?.files ?? [])].filter(isPhotoFile);
        if (moved || !files.length || !o.onDropPhotos || !view.editable) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        o.onDropPhotos(files, at ? at.pos : view.state.selection.from);
        return true;
      },
      attributes: {
        'aria-label': 'Nội dung bài',
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'body-editor-text',
        spellcheck: 'true',
        lang: 'vi',
      },
    },
  };
}
