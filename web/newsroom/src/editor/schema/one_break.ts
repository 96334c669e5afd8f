// The format has no line break inside a block, so Shift+Enter does what Enter does (a new
// paragraph, or a new list item) rather than nothing: the same commands, in Enter's order.
import { Extension } from '@tiptap/core';

export const OneBreak = Extension.create({
  name: 'oneBreak',
  addKeyboardShortcuts() {
    return {
      'Shift-Enter': () =>
        this.editor.commands.first(({ commands }) => [
          () => commands.splitListItem('listItem'),
          () => commands.createParagraphNear(),
          () => commands.liftEmptyBlock(),
          () => commands.splitBlock(),
        ]),
    };
  },
});
