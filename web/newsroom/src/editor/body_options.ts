// The body editor's TipTap options, one place for the page and the tests, so a test pastes
// through exactly what a writer pastes through.
import type { EditorOptions, JSONContent } from '@tiptap/core';
import { cleanPastedHTML } from './paste';
import { bodyExtensions } from './schema';

export interface BodyOptions {
  content: JSONContent;
  editable?: boolean;
  onRequestLink?: () => void;
}

export function bodyEditorOptions(o: BodyOptions): Partial<EditorOptions> {
  return {
    content: o.content,
    editable: o.editable ?? true,
    extensions: bodyExtensions({ interactive: true, onRequestLink: o.onRequestLink }),
    // The page runs under style-src 'self': TipTap's injected <style> would be refused;
    // editor.css carries what it needs.
    injectCSS: false,
    editorProps: {
      transformPastedHTML: (html) => cleanPastedHTML(html),
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
