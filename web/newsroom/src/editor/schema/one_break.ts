// The format has no line break inside a block, so Shift+Enter does what Enter does (a new
// paragraph, or a new list item) rather than nothing.
import { Extension } from '@tiptap/core';

export const OneBreak = Extension.create({
  name: 'oneBreak',
  addKeyboardShortcuts() {
    return { 'Shift-Enter': () => this.editor.commands.keyboardShortcut('Enter') };
  },
});
